import { describe, expect, it } from 'vitest';
import { createRng } from '../market/index.ts';
import { luSolver } from './linalg.ts';
import { maxSharpe } from './max-sharpe.ts';
import { portfolioPerformance } from './portfolio.ts';
import { four, sum } from './test-fixtures.ts';

describe('maxSharpe', () => {
  it('matches the tangency portfolio Σ⁻¹(μ - rf) / 1ᵀΣ⁻¹(μ - rf) without bounds', () => {
    const raw = luSolver(four.covariance)?.(four.expectedReturns.map((value) => value - 0.02)) ?? [];
    const result = maxSharpe({ ...four, weightBounds: [null, null] });
    raw.forEach((value, index) => expect(result.rawWeights[index]).toBeCloseTo(value / sum(raw), 9));
  });

  it('beats random long-only portfolios on Sharpe ratio', () => {
    const best = maxSharpe(four).sharpe;
    const random = createRng(9);
    for (let trial = 0; trial < 300; trial++) {
      const raw = four.tickers.map(() => random() ** 3);
      const weights = raw.map((value) => value / sum(raw));
      expect(portfolioPerformance(weights, four.expectedReturns, four.covariance).sharpe).toBeLessThanOrEqual(best + 1e-12);
    }
  });

  it('respects per-asset bounds and a sector cap', () => {
    const result = maxSharpe({ ...four, weightBounds: [0.05, 0.4], sectors: { sectorOf: { C: 'tech', D: 'tech' }, upper: { tech: 0.5 } } });
    expect(sum(result.rawWeights)).toBeCloseTo(1, 10);
    for (const weight of result.rawWeights) {
      expect(weight).toBeGreaterThanOrEqual(0.05 - 1e-9);
      expect(weight).toBeLessThanOrEqual(0.4 + 1e-9);
    }
    expect(result.rawWeights[2] + result.rawWeights[3]).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it('weights by excess return under a huge L2 penalty, which acts on the transformed y as in PyPortfolioOpt', () => {
    const excess = four.expectedReturns.map((value) => value - 0.02);
    const result = maxSharpe({ ...four, gamma: 1e8 });
    excess.forEach((value, index) => expect(result.rawWeights[index]).toBeCloseTo(value / sum(excess), 6));
  });

  it('reports the Sharpe ratio against the given risk-free rate', () => {
    const result = maxSharpe({ ...four, riskFreeRate: 0.03 });
    expect(result.sharpe).toBeCloseTo((result.expectedReturn - 0.03) / result.volatility, 12);
  });

  it('refuses when no asset returns more than the risk-free rate', () => {
    expect(() => maxSharpe({ ...four, riskFreeRate: 0.5 })).toThrow(/at least one expected return must exceed the risk-free rate/);
  });
});
