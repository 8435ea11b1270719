import { describe, expect, it } from 'vitest';
import { Decimal, type OrderRequest, type RiskLimits } from '../../core/index.ts';
import { checkOrder } from './check-order.ts';

const limits: RiskLimits = { maxOrderNotional: '250000', maxPositionQuantity: '1000', restrictedSymbols: ['GME'] };
const buy: OrderRequest = { clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: '100', type: 'market' };

function check(order: OrderRequest, currentPosition = '0', referencePrice = '187.453') {
  return checkOrder({ order, referencePrice: Decimal.from(referencePrice), currentPosition: Decimal.from(currentPosition), limits });
}

describe('checkOrder', () => {
  it('approves an order within every limit and reports each rule', () => {
    const result = check(buy);
    expect(result.approved).toBe(true);
    expect(result.violations).toEqual([]);
    expect(result.notional).toBe('18745.3');
    expect(result.referencePrice).toBe('187.453');
    expect(result.rules.map((rule) => rule.rule)).toEqual(['max_order_notional', 'max_position', 'restricted_symbol']);
    expect(result.rules[0]).toEqual({
      rule: 'max_order_notional', passed: true, limit: '250000.00', measured: '18745.30',
      message: 'order notional 18,745.30 is within max_order_notional limit 250,000.00',
    });
  });

  it('refuses an order above the notional limit, as a result rather than an error', () => {
    const result = check({ ...buy, quantity: '2000' }, '-1500');
    expect(result.approved).toBe(false);
    expect(result.violations).toEqual([
      expect.objectContaining({ rule: 'max_order_notional', passed: false, measured: '374906.00', message: 'order notional 374,906.00 exceeds max_order_notional limit 250,000.00' }),
    ]);
  });

  it('computes notional exactly in decimals', () => {
    const result = check({ ...buy, quantity: '3' }, '0', '0.1');
    expect(result.notional).toBe('0.3');
  });

  it('measures limit orders at their limit price', () => {
    const result = check({ ...buy, type: 'limit', limitPrice: '3000' });
    expect(result.notional).toBe('300000');
    expect(result.violations.map((rule) => rule.rule)).toEqual(['max_order_notional']);
  });

  it('refuses an order that takes the position past the limit, on either side', () => {
    const long = check({ ...buy, quantity: '300' }, '800');
    expect(long.violations).toEqual([
      expect.objectContaining({ rule: 'max_position', limit: '1000', measured: '1100', message: 'resulting position 1,100 shares exceeds max_position limit 1,000' }),
    ]);
    const short = check({ ...buy, side: 'sell', quantity: '300' }, '-800');
    expect(short.violations[0]).toMatchObject({ rule: 'max_position', measured: '1100', message: 'resulting position -1,100 shares exceeds max_position limit 1,000' });
  });

  it('approves a sell that reduces a position over the limit to within it', () => {
    expect(check({ ...buy, side: 'sell', quantity: '500' }, '1200').approved).toBe(true);
  });

  it('accepts an order exactly at the limits', () => {
    const result = checkOrder({ order: { ...buy, quantity: '1000' }, referencePrice: Decimal.from('250'), currentPosition: Decimal.ZERO, limits });
    expect(result.approved).toBe(true);
  });

  it('refuses a restricted symbol', () => {
    const result = check({ ...buy, symbol: 'GME', quantity: '1' });
    expect(result.approved).toBe(false);
    expect(result.violations).toEqual([
      { rule: 'restricted_symbol', passed: false, limit: 'GME', measured: 'GME', message: 'GME is on the restricted list (GME)' },
    ]);
  });
});
