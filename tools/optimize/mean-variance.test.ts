import { describe, expect, it } from 'vitest';
import { createRng } from '../market/index.ts';
import { luSolver } from './linalg.ts';
import { efficientReturn, minVolatility } from './mean-variance.ts';
import { portfolioPerformance } from './portfolio.ts';
import { four, sum } from './test-fixtures.ts';

describe('minVolatility', () => {
  it('matches the two-asset closed form (σB² - σAB) / (σA² + σB² - 2σAB)', () => {
    const result = minVolatility({ tickers: ['A', 'B'], expectedReturns: [0.1, 0.2], covariance: [[0.04, 0.006], [0.006, 0.09]] });
    expect(result.rawWeights[0]).toBeCloseTo((0.09 - 0.006) / (0.04 + 0.09 - 0.012), 10);
    expect(result.weights.A + result.weights.B).toBeCloseTo(1, 5);
  });

  it('matches Σ⁻¹1 / 1ᵀΣ⁻¹1 when shorting is allowed and no bound binds', () => {
    const solve = luSolver(four.covariance);
    const raw = solve?.([1, 1, 1, 1]) ?? [];
    const result = minVolatility({ ...four, weightBounds: [-1, 1] });
    raw.forEach((value, index) => expect(result.rawWeights[index]).toBeCloseTo(value / sum(raw), 9));
  });

  it('respects an upper bound and still sums to 1', () => {
    const result = minVolatility({ ...four, weightBounds: [0.1, 0.35] });
    expect(sum(result.rawWeights)).toBeCloseTo(1, 12);
    for (const weight of result.rawWeights) {
      expect(weight).toBeGreaterThanOrEqual(0.1 - 1e-10);
      expect(weight).toBeLessThanOrEqual(0.35 + 1e-10);
    }
  });

  it('goes to equal weights under a huge L2 penalty', () => {
    const result = minVolatility({ ...four, gamma: 1e6 });
    for (const weight of result.rawWeights) expect(weight).toBeCloseTo(0.25, 5);
  });

  it('keeps a sector within its limits', () => {
    const sectors = { sectorOf: { A: 'defensive', B: 'growth', C: 'growth', D: 'growth' }, upper: { defensive: 0.3 } };
    const result = minVolatility({ ...four, sectors });
    expect(result.rawWeights[0]).toBeCloseTo(0.3, 9);
    expect(sum(result.rawWeights)).toBeCloseTo(1, 12);
  });

  it('meets a sector minimum', () => {
    const result = minVolatility({ ...four, sectors: { sectorOf: { C: 'tech', D: 'tech' }, lower: { tech: 0.6 } } });
    expect(result.rawWeights[2] + result.rawWeights[3]).toBeCloseTo(0.6, 9);
  });

  it('beats random fully invested long-only portfolios', () => {
    const best = minVolatility(four).volatility;
    const random = createRng(5);
    for (let trial = 0; trial < 200; trial++) {
      const raw = four.tickers.map(() => random());
      const weights = raw.map((value) => value / sum(raw));
      expect(portfolioPerformance(weights, four.expectedReturns, four.covariance).volatility).toBeGreaterThanOrEqual(best - 1e-12);
    }
  });

  it('refuses bounds that cannot sum to 1', () => {
    expect(() => minVolatility({ ...four, weightBounds: [0, 0.2] })).toThrow(/weightBounds cannot sum to 1/);
  });

  it('refuses a sector limit for a sector no ticker belongs to', () => {
    expect(() => minVolatility({ ...four, sectors: { sectorOf: { A: 'x' }, upper: { y: 0.5 } } })).toThrow(/sector "y" has a limit but no ticker/);
  });
});

describe('efficientReturn', () => {
  it('hits the target return exactly, pinned down for two assets', () => {
    const two = { tickers: ['A', 'B'], expectedReturns: [0.1, 0.2], covariance: [[0.04, 0.006], [0.006, 0.09]] };
    const result = efficientReturn(two, 0.17);
    expect(result.expectedReturn).toBeCloseTo(0.17, 10);
    expect(result.rawWeights[1]).toBeCloseTo(0.7, 10);
  });

  it('returns the minimum-volatility portfolio when the target does not bind', () => {
    expect(efficientReturn(four, 0.01).volatility).toBeCloseTo(minVolatility(four).volatility, 10);
  });

  it('refuses a target above the best achievable return', () => {
    expect(() => efficientReturn(four, 0.25)).toThrow(/targetReturn must be at most the highest achievable return 0.200000/);
  });
});
