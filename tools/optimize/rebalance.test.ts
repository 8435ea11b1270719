import { describe, expect, it } from 'vitest';
import { rebalanceOrders } from './rebalance.ts';

describe('rebalanceOrders', () => {
  it('sells the overweight asset and buys the missing one with the proceeds', () => {
    const result = rebalanceOrders({ targetWeights: { A: 0.5, B: 0.5 }, positions: { A: 10 }, latestPrices: { A: 100, B: 50 }, cash: 0 });
    expect(result.orders).toEqual([
      { ticker: 'A', side: 'sell', quantity: 5, drift: 0.5 },
      { ticker: 'B', side: 'buy', quantity: 10, drift: -0.5 },
    ]);
    expect(result.cashAfter).toBe(0);
  });

  it('leaves positions inside the drift band alone', () => {
    const result = rebalanceOrders({ targetWeights: { A: 0.5, B: 0.5 }, positions: { A: 52, B: 48 }, latestPrices: { A: 10, B: 10 }, cash: 0, driftThreshold: 0.05 });
    expect(result.orders).toEqual([]);
  });

  it('closes a position whose target is zero', () => {
    const result = rebalanceOrders({ targetWeights: { A: 1 }, positions: { A: 5, OLD: 5 }, latestPrices: { A: 10, OLD: 10 }, cash: 0 });
    expect(result.orders[0]).toEqual({ ticker: 'OLD', side: 'sell', quantity: 5, drift: 0.5 });
    expect(result.orders[1]).toMatchObject({ ticker: 'A', side: 'buy', quantity: 5 });
  });

  it('cuts buys to the cash available', () => {
    // A is 0.2 over target but inside the 0.25 band, so only the $20 of cash can buy B.
    const result = rebalanceOrders({ targetWeights: { A: 0.6, B: 0.4 }, positions: { A: 8 }, latestPrices: { A: 10, B: 10 }, cash: 20, driftThreshold: 0.25 });
    expect(result.orders).toEqual([{ ticker: 'B', side: 'buy', quantity: 2, drift: -0.4 }]);
    expect(result.cashAfter).toBe(0);
  });

  it('refuses a negative drift threshold', () => {
    expect(() => rebalanceOrders({ targetWeights: {}, positions: {}, latestPrices: {}, cash: 1, driftThreshold: -1 })).toThrow(/driftThreshold must be a finite weight >= 0/);
  });
});
