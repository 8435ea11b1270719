import { describe, expect, it } from 'vitest';
import { analyzeParent } from './parent-tca.ts';
import { analyzeOrder } from './tca.ts';

describe('transaction cost analysis', () => {
  it('measures a buy against the arrival mid', () => {
    // mid (99.98 + 100.02) / 2 = 100; fills 400 @ 100.05, 600 @ 100.10 → average 100.08
    // execution cost 400 × 0.05 + 600 × 0.10 = 80; commissions 5; shortfall 85 over 100,000 paper = 8.5 bps
    expect(analyzeOrder({
      side: 'buy', quantity: '1000', arrival: { bid: '99.98', ask: '100.02' },
      fills: [{ quantity: '400', price: '100.05', commission: '2' }, { quantity: '600', price: '100.10', commission: '3' }],
    })).toEqual({
      arrivalPrice: '100', filledQuantity: '1000', unfilledQuantity: '0', averagePrice: '100.08', executionCost: '80', commissions: '5', opportunityCost: '0',
      implementationShortfall: '85', implementationShortfallBps: '8.5', slippageBps: '8', commissionBps: '0.4996',
    });
  });

  it('is side-aware and charges the unfilled part of a sell at the final price', () => {
    // sell 500 at arrival 50; 300 filled @ 49.90 → execution cost −(300 × −0.10) = 30
    // 200 unfilled, final 49 → opportunity −(200 × −1) = 200; + 1.50 commission = 231.5 over 25,000 = 92.6 bps
    expect(analyzeOrder({ side: 'sell', quantity: '500', arrival: { last: '50' }, fills: [{ quantity: '300', price: '49.90', commission: '1.5' }], finalPrice: '49' })).toMatchObject({
      averagePrice: '49.9', unfilledQuantity: '200', executionCost: '30', opportunityCost: '200', implementationShortfall: '231.5', implementationShortfallBps: '92.6', slippageBps: '20',
    });
  });

  it('shows a gain as a negative cost', () => {
    // buy filled below arrival: −0.25 × 100 = −25
    expect(analyzeOrder({ side: 'buy', quantity: '100', arrival: { last: '20' }, fills: [{ quantity: '100', price: '19.75' }] })).toMatchObject({
      executionCost: '-25', implementationShortfall: '-25', implementationShortfallBps: '-125', slippageBps: '-125', commissionBps: '0',
    });
  });

  it('aggregates a parent over its children and measures each child against its own release price', () => {
    const result = analyzeParent({
      side: 'buy', quantity: '1000', arrival: { last: '100' },
      children: [
        { childId: 'p1-1', quantity: '400', arrival: { last: '100' }, fills: [{ quantity: '400', price: '100.05', commission: '2' }] },
        { childId: 'p1-2', quantity: '600', arrival: { last: '100.06' }, fills: [{ quantity: '600', price: '100.10', commission: '3' }] },
      ],
    });
    expect(result.parent).toMatchObject({ averagePrice: '100.08', implementationShortfall: '85', implementationShortfallBps: '8.5', slippageBps: '8' });
    // child 2: 0.04 × 10,000 / 100.06 = 3.99760144 → 3.9976 bps; 600 × 0.04 + 3 = 27
    expect(result.children.map((child) => [child.childId, child.slippageBps, child.implementationShortfall])).toEqual([['p1-1', '5', '22'], ['p1-2', '3.9976', '27']]);
  });

  it('refuses overfills, crossed quotes and an unfilled order without a final price', () => {
    expect(() => analyzeOrder({ side: 'buy', quantity: '10', arrival: { last: '1' }, fills: [{ quantity: '11', price: '1' }] })).toThrow("fills add up to 11, more than the order's 10");
    expect(() => analyzeOrder({ side: 'buy', quantity: '10', arrival: { bid: '2', ask: '1' }, fills: [] })).toThrow('arrival quote is crossed: ask 1 is below bid 2');
    expect(() => analyzeOrder({ side: 'buy', quantity: '10', arrival: { last: '1' }, fills: [] })).toThrow('finalPrice is needed to value the 10 unfilled shares (opportunity cost)');
    expect(() => analyzeOrder({ side: 'buy', quantity: '10', arrival: { last: '1' }, fills: [{ quantity: '1', price: '1', commission: '-1' }], finalPrice: '1' })).toThrow('fills[0].commission must be >= 0 (got -1)');
    expect(() => analyzeOrder({ side: 'buy', quantity: 'NaN', arrival: { last: '1' }, fills: [] })).toThrow(expect.objectContaining({ code: 'invalid_number' }));
  });
});
