import { describe, expect, it } from 'vitest';
import { Decimal } from '../../core/index.ts';
import { createRouter } from './route-order.ts';
import { prepareVenue, venueFee, type VenueConfig } from './venues.ts';

const cheapLit: VenueConfig = { name: 'paper-lit', fees: { perShare: '0.001', minimum: '0.50' }, liquidity: { kind: 'displayed', size: 2000 }, halfSpreadBps: 1, impactBps: 10 };
const deepPool: VenueConfig = {
  name: 'paper-deep', fees: { perShare: '0.003', minimum: '2.00' }, liquidity: { kind: 'participation', dailyVolume: 5_000_000, maxParticipation: 0.1 }, halfSpreadBps: 1, impactBps: 10,
};
const router = createRouter([deepPool, cheapLit]);
const order = (quantity: string) => ({ symbol: 'AAPL', side: 'buy' as const, quantity, price: '100' });

describe('order router', () => {
  it('sends a small order to the cheaper-fee venue', () => {
    const decision = router.route(order('100'));
    // lit: fee max(0.10, 0.50) = 0.50; slippage 10,000 × (1 + 10 × 100/2,000) bps = 1.50 → 2.00
    // deep: fee max(0.30, 2.00) = 2.00; slippage 10,000 × (1 + 10 × 100/500,000) bps = 1.002 → 3.002
    expect(decision.venue).toBe('paper-lit');
    expect(decision.ranking.map((entry) => [entry.venue, entry.fees, entry.slippage, entry.expectedCost, entry.costBps])).toEqual([
      ['paper-lit', '0.5', '1.5', '2', '2.00'],
      ['paper-deep', '2', '1.002', '3.002', '3.00'],
    ]);
    expect(decision.reason).toBe('route buy 100 AAPL to paper-lit, the lowest expected cost: paper-lit: fees 0.50 + slippage 1.50 (1.50 bps) = 2.00 (2.00 bps); then paper-deep: fees 2.00 + slippage 1.00 (1.00 bps) = 3.00 (3.00 bps)');
  });

  it('sends a large order to the deeper venue', () => {
    const decision = router.route(order('1500'));
    // lit: 1.50 + 150,000 × 8.5 bps = 127.50 → 129.00; deep: 4.50 + 150,000 × 1.03 bps = 15.45 → 19.95
    expect(decision.venue).toBe('paper-deep');
    expect(decision.ranking.map((entry) => [entry.venue, entry.expectedCost, entry.costBps])).toEqual([['paper-deep', '19.95', '1.33'], ['paper-lit', '129', '8.60']]);
  });

  it('ranks a venue that cannot take the whole order last, and says so when none can', () => {
    const decision = router.route(order('10000'));
    // deep: fees 30.00 + 1,000,000 × 1.2 bps = 120 → 150; lit (infeasible): 10.00 + 1,000,000 × (1 + 10 × 5) bps = 5,100 → 5,110
    expect(decision.ranking.map((entry) => [entry.venue, entry.feasible, entry.expectedCost])).toEqual([['paper-deep', true, '150'], ['paper-lit', false, '5110']]);
    expect(decision.ranking[1].reason).toBe('paper-lit: cannot take 10000 shares, capacity 2000');
    const none = router.route(order('600000'));
    expect(none.venue).toBeNull();
    expect(none.reason).toBe('no venue can take buy 600000 AAPL whole: paper-deep: cannot take 600000 shares, capacity 500000; paper-lit: cannot take 600000 shares, capacity 2000; slice the order');
  });

  it('weighs a venue by its fill probability and the cost of a miss', () => {
    const dark: VenueConfig = { name: 'paper-dark', fees: {}, liquidity: { kind: 'displayed', size: 100_000 }, halfSpreadBps: 0, impactBps: 0, fillProbability: 0.4 };
    // dark: 0 × 0.4 + 10,000 × 5 bps × 0.6 = 3.00 > lit 2.00
    const missing = createRouter([cheapLit, dark], { missCostBps: 5 }).route(order('100'));
    expect(missing.ranking.map((entry) => [entry.venue, entry.expectedCost, entry.missCost])).toEqual([['paper-lit', '2', '0'], ['paper-dark', '3', '3']]);
    expect(createRouter([cheapLit, dark]).route(order('100')).venue).toBe('paper-dark');
  });

  it('breaks a tie by latency, then by name', () => {
    const slow = { ...cheapLit, name: 'a-slow', latencyMs: 20 };
    const fast = { ...cheapLit, name: 'b-fast', latencyMs: 2 };
    expect(createRouter([slow, fast]).route(order('100')).venue).toBe('b-fast');
    expect(createRouter([{ ...fast, name: 'z' }, { ...fast, name: 'y' }]).route(order('100')).venue).toBe('y');
  });

  it('computes fees from per-share, percent, minimum and maximum parts', () => {
    const percent = prepareVenue({ ...cheapLit, fees: { percentOfValue: '0.05', perShare: '0.002', maximum: '5' } });
    // 100 × 0.002 + 0.05 % × 10,000 = 0.20 + 5.00 → capped at 5
    expect(venueFee(percent, Decimal.from('100'), Decimal.from('10000')).toString()).toBe('5');
    // 10 × 0.002 + 0.05 % × 1,000 = 0.02 + 0.50
    expect(venueFee(percent, Decimal.from('10'), Decimal.from('1000')).toString()).toBe('0.52');
    // 0.001 × 333 = 0.333 -> 0.50 minimum; 0.001 × 1,005 = 1.005 -> 1.00 (half-even to cents)
    expect(venueFee(prepareVenue(cheapLit), Decimal.from('1005'), Decimal.from('100500')).toString()).toBe('1');
  });

  it('refuses bad venue configuration and bad orders with the field named', () => {
    expect(() => createRouter([{ ...cheapLit, liquidity: { kind: 'displayed', size: 0 } }])).toThrow('venue paper-lit: liquidity.size must be > 0 (got 0)');
    expect(() => createRouter([{ ...deepPool, liquidity: { kind: 'participation', dailyVolume: 1000, maxParticipation: 1.5 } }])).toThrow('venue paper-deep: liquidity.maxParticipation must be in (0, 1] (got 1.5)');
    expect(() => createRouter([{ ...cheapLit, fees: { perShare: '-0.01' } }])).toThrow('venue paper-lit: fees.perShare must be >= 0 (got -0.01)');
    expect(() => createRouter([{ ...cheapLit, fees: { minimum: '5', maximum: '1' } }])).toThrow(/fees.maximum \(1\) must be at least fees.minimum \(5\)/);
    expect(() => createRouter([{ ...cheapLit, halfSpreadBps: Number.NaN }])).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => createRouter([cheapLit, cheapLit])).toThrow('venue names must be unique');
    expect(() => router.route(order('-5'))).toThrow('quantity must be > 0 (got -5)');
    expect(() => router.route({ ...order('5'), price: 'abc' })).toThrow(expect.objectContaining({ code: 'invalid_number' }));
  });
});
