import { describe, expect, it } from 'vitest';
import { createRng, createStandardNormal } from '../market/index.ts';
import { buildRiskBook } from './book.ts';
import { beta, maxDrawdown, portfolioBeta, portfolioVolatility, positionBetas, riskContributions } from './metrics.ts';

/** ±1% and ±2% in step (correlation 1): daily variances 0.0001·4/3 and 0.0004·4/3. */
function pairBook() {
  const first = new Float64Array([0.01, -0.01, 0.01, -0.01]);
  return buildRiskBook(
    [
      { symbol: 'AAA', quantity: 10, price: 100 },
      { symbol: 'BBB', quantity: 10, price: 100 },
    ],
    { AAA: first, BBB: first.map((value) => 2 * value) },
  );
}

function randomBook(size: number, seed: number) {
  const normal = createStandardNormal(createRng(seed));
  const histories: Record<string, Float64Array> = {};
  const positions = Array.from({ length: size }, (_, index) => {
    const symbol = `S${index}`;
    histories[symbol] = Float64Array.from({ length: 60 }, () => 0.01 * normal());
    return { symbol, quantity: Math.round(100 * normal()), price: 10 + index };
  });
  return buildRiskBook(positions, histories);
}

describe('portfolioVolatility', () => {
  it('annualizes the daily P&L deviation by √252', () => {
    // P&L = 1000·r + 1000·2r = 3000·r: daily σ = 30·√(4/3) = 34.64...
    const result = portfolioVolatility(pairBook());
    expect(result.daily).toBeCloseTo(30 * Math.sqrt(4 / 3), 10);
    expect(result.annualized).toBeCloseTo(30 * Math.sqrt(4 / 3) * Math.sqrt(252), 9);
    expect(result.annualizedFraction).toBeCloseTo((30 * Math.sqrt(4 / 3) * Math.sqrt(252)) / 2000, 12);
  });
});

describe('riskContributions', () => {
  it('splits a perfectly correlated pair by exposure × volatility', () => {
    // Components ∝ 1000·σ₁ : 1000·σ₂ = 1 : 2.
    const [first, second] = riskContributions(pairBook());
    expect(first.share).toBeCloseTo(1 / 3, 12);
    expect(second.share).toBeCloseTo(2 / 3, 12);
    expect(second.marginal).toBeCloseTo(0.02 * Math.sqrt(4 / 3) * Math.sqrt(252), 12);
  });

  it('has components that sum to the portfolio volatility for a random long/short book', () => {
    const book = randomBook(25, 5);
    const contributions = riskContributions(book);
    const total = contributions.reduce((sum, entry) => sum + entry.component, 0);
    expect(total).toBeCloseTo(portfolioVolatility(book).annualized, 8);
    expect(contributions.reduce((sum, entry) => sum + entry.share, 0)).toBeCloseTo(1, 12);
  });
});

describe('beta', () => {
  it('is the slope of returns on the benchmark', () => {
    expect(beta(new Float64Array([0.02, -0.04, 0.01]), new Float64Array([0.01, -0.02, 0.005]))).toBeCloseTo(2, 12);
    // cov = −0.0001·(4/3)... : a series moving opposite at half size has beta −0.5.
    expect(beta(new Float64Array([-0.005, 0.005, -0.005, 0.005]), new Float64Array([0.01, -0.01, 0.01, -0.01]))).toBeCloseTo(-0.5, 12);
  });

  it('refuses a flat benchmark and misaligned series', () => {
    expect(() => beta(new Float64Array([0.01, 0.02]), new Float64Array([0.01, 0.01]))).toThrow(/benchmark has zero variance/);
    expect(() => beta(new Float64Array([0.01, 0.02]), new Float64Array([0.01]))).toThrow(/aligned/);
  });

  it('weights position betas by exposure for the portfolio beta', () => {
    const benchmark = new Float64Array([0.01, -0.01, 0.01, -0.01]);
    // AAA beta 1, BBB beta 2, equal exposures: portfolio beta 1.5.
    expect(positionBetas(pairBook(), benchmark)).toEqual({ AAA: expect.closeTo(1, 12), BBB: expect.closeTo(2, 12) });
    expect(portfolioBeta(pairBook(), benchmark)).toBeCloseTo(1.5, 12);
  });
});

describe('maxDrawdown', () => {
  it('finds the deepest fall from a running peak, not the first one', () => {
    // 120 → 90 is 25%; 130 → 104 is 20%.
    expect(maxDrawdown(new Float64Array([100, 120, 90, 130, 104]))).toEqual({ maxDrawdown: 0.25, peakIndex: 1, troughIndex: 2 });
  });

  it('is 0 for a curve that never falls and refuses non-positive equity', () => {
    expect(maxDrawdown(new Float64Array([1, 2, 3]))).toEqual({ maxDrawdown: 0, peakIndex: 0, troughIndex: 0 });
    expect(() => maxDrawdown(new Float64Array([1, 0]))).toThrow(/equity\[1\] must be > 0/);
  });
});
