import { describe, expect, it } from 'vitest';
import { createRng } from '../market/index.ts';
import { bootstrapTrades, interval, quantile, sequenceStatistics } from './bootstrap.ts';

describe('sequenceStatistics', () => {
  it('compounds a trade sequence by hand: +10%, −5%, +20%', () => {
    // Wealth 1 → 1.1 → 1.045 → 1.254; the fall from 1.1 to 1.045 is 5%.
    const statistics = sequenceStatistics([0.1, -0.05, 0.2]);
    expect(statistics.totalReturn).toBeCloseTo(0.254, 12);
    expect(statistics.maxDrawdown).toBeCloseTo(0.05, 12);
    // mean 0.0833…, sample std √((0.0167² + 0.1333² + 0.1167²) / 2) = 0.125831
    expect(statistics.sharpe).toBeCloseTo((0.25 / 3) / Math.sqrt(((0.1 - 0.25 / 3) ** 2 + (-0.05 - 0.25 / 3) ** 2 + (0.2 - 0.25 / 3) ** 2) / 2), 12);
  });
});

describe('quantile and interval', () => {
  it('interpolate linearly between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.025)).toBeCloseTo(0.25, 12);
    expect(interval(7, [5, 1, 4, 2, 3], 0.5)).toEqual({ estimate: 7, median: 3, lower: 2, upper: 4 });
  });
});

describe('bootstrapTrades', () => {
  const returns = [0.12, -0.04, 0.03, -0.08, 0.05, 0.02, -0.01, 0.07];

  it('resamples with replacement from the seeded generator', () => {
    const result = bootstrapTrades(returns, { samples: 3, seed: 5, confidence: 0.5 });
    const random = createRng(5);
    const totals = [0, 1, 2].map(() => sequenceStatistics(returns.map(() => returns[Math.floor(random() * returns.length)])).totalReturn);
    const sorted = [...totals].sort((left, right) => left - right);
    expect(result.totalReturn).toEqual({ estimate: sequenceStatistics(returns).totalReturn, median: sorted[1], lower: (sorted[0] + sorted[1]) / 2, upper: (sorted[1] + sorted[2]) / 2 });
    expect(result.probabilityOfLoss).toBe(totals.filter((value) => value < 0).length / 3);
  });

  it('is reproducible for a seed and brackets the actual sequence', () => {
    const one = bootstrapTrades(returns, { seed: 11, tradesPerYear: 16 });
    expect(bootstrapTrades(returns, { seed: 11, tradesPerYear: 16 })).toEqual(one);
    expect(bootstrapTrades(returns, { seed: 12, tradesPerYear: 16 })).not.toEqual(one);
    for (const statistic of [one.totalReturn, one.maxDrawdown, one.sharpe]) {
      expect(statistic.lower).toBeLessThan(statistic.upper);
      expect(statistic.estimate).toBeGreaterThan(statistic.lower);
      expect(statistic.estimate).toBeLessThan(statistic.upper);
    }
    expect(one.sharpe.estimate).toBeCloseTo(sequenceStatistics(returns).sharpe * 4, 12);
    expect(one.maxDrawdown.lower).toBeGreaterThanOrEqual(0);
  });

  it('collapses to a point when every trade is the same', () => {
    const result = bootstrapTrades([0.01, 0.01, 0.01, 0.01], { samples: 50 });
    expect(result.totalReturn.lower).toBeCloseTo(1.01 ** 4 - 1, 12);
    expect(result.totalReturn.upper).toBeCloseTo(1.01 ** 4 - 1, 12);
    expect(result.maxDrawdown).toEqual({ estimate: 0, median: 0, lower: 0, upper: 0 });
    expect(result.probabilityOfLoss).toBe(0);
  });

  it('refuses fewer than two trades and a confidence outside (0, 1)', () => {
    expect(() => bootstrapTrades([0.1])).toThrow(expect.objectContaining({ code: 'insufficient_data' }));
    expect(() => bootstrapTrades(returns, { confidence: 95 })).toThrow(/confidence must be a fraction in \(0, 1\)/);
  });
});
