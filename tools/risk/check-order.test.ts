import { describe, expect, it } from 'vitest';
import { Decimal, type OrderRequest, type RiskLimits } from '../../core/index.ts';
import { checkOrder, killSwitchTrigger, RISK_RULES } from './check-order.ts';
import type { RiskSnapshot } from './snapshot.ts';
import { BUY_AAPL, LOOSE_LIMITS, bookSnapshot } from './test-fixtures.ts';

const LAST: Record<string, string> = { AAPL: '200', MSFT: '400', XOM: '100', GME: '20' };

function check(order: Partial<OrderRequest>, limits: Partial<RiskLimits> = {}, snapshot: Partial<RiskSnapshot> = {}, referencePrice?: string) {
  const full = { ...BUY_AAPL, ...order };
  return checkOrder({
    order: full,
    market: { lastPrice: Decimal.from(LAST[full.symbol]), referencePrice: referencePrice === undefined ? undefined : Decimal.from(referencePrice) },
    snapshot: bookSnapshot(snapshot),
    limits: { ...LOOSE_LIMITS, ...limits },
  });
}

const measured = (result: ReturnType<typeof check>, rule: string) => result.rules.find((entry) => entry.rule === rule);
const failed = (result: ReturnType<typeof check>) => result.violations.map((entry) => entry.rule);

describe('checkOrder', () => {
  it('approves an order within every limit and reports each rule with its measured value', () => {
    const result = check({});
    expect(result.approved).toBe(true);
    expect(result.rules.map((rule) => rule.rule)).toEqual(RISK_RULES);
    expect(result.notional).toBe('20000');
    // AAPL 1,100 × 200 = 220,000 of equity 670,000; gross 350,000; net 190,000; TECH 300,000.
    expect(Object.fromEntries(result.rules.map((rule) => [rule.rule, rule.measured]))).toEqual({
      kill_switch: 'off', restricted_symbol: 'AAPL', market_hours: '2025-06-02T14:30Z', max_order_quantity: '100', max_order_notional: '20000.00',
      price_collar: '0.000000', max_position: '1100', max_position_fraction: '0.328358', max_gross_exposure: '0.522388', max_net_exposure: '0.283582',
      max_leverage: '1.000000', sector_concentration: '0.447761', order_rate: '1', daily_loss: '0.014706', max_drawdown: '0.042857',
    });
    expect(measured(result, 'max_order_notional')!.message).toBe('order notional 20,000.00 is within max_order_notional limit 250,000.00');
  });

  it('computes notional exactly in decimals', () => {
    expect(check({ symbol: 'XOM', quantity: '3' }, {}, {}, '99.9').notional).toBe('299.7');
  });

  it('refuses above the notional and quantity limits, as a result rather than an error', () => {
    const result = check({ symbol: 'XOM', quantity: '2600' }, { maxOrderQuantity: '1500' });
    expect(result.approved).toBe(false);
    expect(failed(result)).toEqual(['max_order_notional', 'max_order_quantity']);
    expect(measured(result, 'max_order_notional')!.message).toBe('order notional 260,000.00 exceeds max_order_notional limit 250,000.00');
  });

  it('measures limit orders at their limit price and collars its aggressive side against the last price', () => {
    expect(check({ type: 'limit', limitPrice: '220' }).approved).toBe(true);
    const result = check({ type: 'limit', limitPrice: '221' });
    expect(result.notional).toBe('22100');
    expect(failed(result)).toEqual(['price_collar']);
    expect(measured(result, 'price_collar')).toMatchObject({ limit: '0.1', measured: '0.105000', message: 'limit price 221 is 0.105000 (as a fraction) through the last price 200; price_collar allows 0.1' });
    expect(failed(check({ side: 'sell', type: 'limit', limitPrice: '179' }))).toEqual(['price_collar']);
  });

  it('lets a passive limit far from the market through the collar: it cannot trade worse than the last price', () => {
    expect(measured(check({ type: 'limit', limitPrice: '100' }), 'price_collar')).toMatchObject({ passed: true, measured: '0.000000' });
    expect(check({ side: 'sell', type: 'limit', limitPrice: '400' }).approved).toBe(true);
  });

  it('collars the reference price of a market order (a fat-fingered expected price)', () => {
    const result = check({}, {}, {}, '150');
    expect(result.referencePrice).toBe('150');
    expect(failed(result)).toEqual(['price_collar']);
  });

  it('refuses a position past the share limit on either side, and lets a position over it shrink', () => {
    expect(measured(check({ quantity: '4100' }, { maxOrderNotional: '1000000' }), 'max_position')).toMatchObject({ passed: false, measured: '5100' });
    const short = check({ symbol: 'MSFT', side: 'sell', quantity: '4900' }, { maxOrderNotional: '10000000', maxPriceDeviation: '1' });
    expect(measured(short, 'max_position')!.message).toBe('resulting position -5,100 shares exceeds max_position limit 5,000');
    expect(measured(check({ side: 'sell', quantity: '100' }, { maxPositionQuantity: '500' }), 'max_position')!.passed).toBe(true);
  });

  it('refuses a position above its fraction of equity, and accepts one exactly at it', () => {
    const limits = { maxPositionFraction: '0.4' };
    // XOM 2,680 × 100 = 268,000 = 0.4 × 670,000.
    expect(measured(check({ symbol: 'XOM', quantity: '2180' }, limits), 'max_position_fraction')).toMatchObject({ passed: true, measured: '0.400000' });
    expect(measured(check({ symbol: 'XOM', quantity: '2181' }, limits), 'max_position_fraction')).toMatchObject({ passed: false, measured: '0.400149' });
  });

  it('refuses gross exposure above the limit but lets an order reduce it', () => {
    expect(failed(check({}, { maxGrossExposure: '0.5' }))).toEqual(['max_gross_exposure']);
    const reducing = measured(check({ side: 'sell' }, { maxGrossExposure: '0.4' }), 'max_gross_exposure')!;
    expect(reducing).toMatchObject({ passed: true, measured: '0.462687' });
    expect(reducing.message).toMatch(/reduces it/);
  });

  it('refuses net exposure above the limit but lets an order reduce it', () => {
    expect(failed(check({ symbol: 'XOM', quantity: '10' }, { maxNetExposure: '0.2' }))).toEqual(['max_net_exposure']);
    expect(check({ symbol: 'XOM', side: 'sell', quantity: '100' }, { maxNetExposure: '0.2' }).approved).toBe(true);
  });

  it('measures leverage as equity plus borrowed cash over equity', () => {
    // cash 10,000 → equity 180,000; buying 15,000 borrows 5,000: 185,000 / 180,000.
    const small = { cash: Decimal.from('10000'), startOfDayEquity: Decimal.from('180000'), equityHighWaterMark: Decimal.from('180000') };
    const result = check({ symbol: 'XOM', quantity: '150' }, { maxLeverage: '1' }, small);
    expect(failed(result)).toEqual(['max_leverage']);
    expect(measured(result, 'max_leverage')!.measured).toBe('1.027778');
    expect(check({ symbol: 'XOM', quantity: '150' }, { maxLeverage: '1.03' }, small).approved).toBe(true);
  });

  it('adds up a sector from the sector map; an unmapped symbol is its own sector', () => {
    // TECH: AAPL 1,300 × 200 + |MSFT| 80,000 = 340,000 / 670,000.
    expect(measured(check({ quantity: '300' }, { maxSectorFraction: '0.5' }), 'sector_concentration')).toMatchObject({ passed: false, measured: '0.507463' });
    expect(measured(check({ symbol: 'XOM', quantity: '100' }, { maxSectorFraction: '0.1' }), 'sector_concentration')).toMatchObject({ passed: true, measured: '0.089552' });
  });

  it('counts orders in the last 60 seconds, this one included', () => {
    const now = Date.parse('2025-06-02T14:30:00Z');
    const times = [now - 61_000, now - 59_000, now - 1_000, now + 5_000];
    expect(measured(check({}, { maxOrdersPerMinute: 3 }, { recentOrderTimes: times }), 'order_rate')).toMatchObject({ passed: true, measured: '3' });
    expect(failed(check({}, { maxOrdersPerMinute: 3 }, { recentOrderTimes: [...times, now - 2_000] }))).toEqual(['order_rate']);
  });

  it('refuses on the daily loss and drawdown limits and names them as kill switch triggers', () => {
    const result = check({}, {}, { startOfDayEquity: Decimal.from('710000'), equityHighWaterMark: Decimal.from('900000') });
    expect(failed(result)).toEqual(['daily_loss', 'max_drawdown']);
    expect(measured(result, 'daily_loss')!.measured).toBe('0.056338');
    expect(measured(result, 'max_drawdown')!.measured).toBe('0.255556');
    expect(killSwitchTrigger(result)).toMatch(/^daily_loss: .*; max_drawdown: /);
    expect(killSwitchTrigger(check({}))).toBeNull();
  });

  it('refuses outside the UTC session on trading days unless allowed', () => {
    expect(check({}, {}, { now: new Date('2025-06-02T13:30:00Z') }).approved).toBe(true);
    expect(failed(check({}, {}, { now: new Date('2025-06-02T20:00:00Z') }))).toEqual(['market_hours']);
    const saturday = check({}, {}, { now: new Date('2025-06-07T15:00:00Z') });
    expect(measured(saturday, 'market_hours')!.message).toBe('2025-06-07T15:00Z is outside the trading session 13:30-20:00 UTC on weekdays');
    expect(measured(check({}, { allowOutsideSession: true }, { now: new Date('2025-06-07T15:00:00Z') }), 'market_hours')!.message).toMatch(/allowed by configuration$/);
  });

  it('refuses every order while the kill switch is on', () => {
    const result = check({ side: 'sell', quantity: '1' }, {}, { killSwitch: { active: true, reason: 'desk halted by alice' } });
    expect(result.violations).toEqual([
      { rule: 'kill_switch', passed: false, limit: 'off', measured: 'on', message: 'the kill switch is on (desk halted by alice); every new order is refused until an admin turns it off' },
    ]);
  });

  it('refuses a restricted symbol', () => {
    expect(check({ symbol: 'GME', quantity: '1' }).violations).toEqual([
      { rule: 'restricted_symbol', passed: false, limit: 'GME', measured: 'GME', message: 'GME is on the restricted list (GME)' },
    ]);
  });

  it('fills in the documented defaults for limits that are not configured', () => {
    const result = checkOrder({ order: BUY_AAPL, market: { lastPrice: Decimal.from('200') }, snapshot: bookSnapshot({ now: new Date('2025-06-07T03:00:00Z') }), limits: { maxOrderNotional: '250000', maxPositionQuantity: '10000', restrictedSymbols: [] } });
    expect(Object.fromEntries(result.rules.map((rule) => [rule.rule, rule.limit]))).toMatchObject({
      max_order_quantity: '100000', max_position_fraction: '0.25', max_gross_exposure: '2', max_net_exposure: '1', max_leverage: '1',
      sector_concentration: '0.5', price_collar: '0.1', order_rate: '60', daily_loss: '0.05', max_drawdown: '0.2', market_hours: '13:30-20:00 UTC (outside allowed)',
    });
    // AAPL alone would be 220,000 / 670,000 = 0.33 of equity: above the default 0.25.
    expect(failed(result)).toEqual(['max_position_fraction']);
  });
});
