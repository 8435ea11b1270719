import { describe, expect, it } from 'vitest';
import { greedyAllocation } from './discrete-allocation.ts';

describe('greedyAllocation', () => {
  it('rounds down first, then spends the rest on the asset furthest below its weight', () => {
    const result = greedyAllocation({ weights: { A: 0.5, B: 0.5 }, latestPrices: { A: 30, B: 70 }, totalValue: 1000 });
    expect(result.shares).toEqual({ A: 17, B: 7 });
    expect(result.leftover).toBeCloseTo(0, 9);
  });

  it('never spends more than the value and accounts for every dollar (stopping once no asset is below its weight)', () => {
    const latestPrices = { A: 123.45, B: 17.2, C: 410, D: 3.3 };
    const result = greedyAllocation({ weights: { A: 0.4, B: 0.3, C: 0.2, D: 0.1 }, latestPrices, totalValue: 5000 });
    const spent = Object.entries(result.shares).reduce((sum, [ticker, count]) => sum + count * latestPrices[ticker as keyof typeof latestPrices], 0);
    expect(result.leftover).toBeGreaterThanOrEqual(0);
    expect(spent + result.leftover).toBeCloseTo(5000, 9);
  });

  it('leaves out assets it buys no share of', () => {
    const result = greedyAllocation({ weights: { A: 0.99, B: 0.01 }, latestPrices: { A: 10, B: 500 }, totalValue: 1000 });
    expect(result.shares).toEqual({ A: 99 });
    expect(result.leftover).toBeCloseTo(10, 9);
  });

  it('allocates a short book separately, sized by the short weights', () => {
    const result = greedyAllocation({ weights: { A: 1.3, B: -0.3 }, latestPrices: { A: 10, B: 20 }, totalValue: 1000 });
    expect(result.shares).toEqual({ A: 100, B: -15 });
  });

  it('refuses a ticker without a price', () => {
    expect(() => greedyAllocation({ weights: { A: 1 }, latestPrices: {}, totalValue: 100 })).toThrow(/latestPrices.A must be a price > 0/);
  });
});
