import { describe, expect, it } from 'vitest';
import { buildRiskBook } from './book.ts';
import { normalVar, parametricVar } from './parametric.ts';

const Z95 = 1.6448536269514722;
const Z99 = 2.3263478740408408;
const PDF_Z99 = 0.02665214220345808;

/** Returns ±1% and ±2% alternating: variances 0.0001·4/3 and 0.0004·4/3 (n − 1 = 3), mean 0. */
function twoAssetBook(correlationSign: 1 | -1) {
  const first = new Float64Array([0.01, -0.01, 0.01, -0.01]);
  const second = first.map((value) => 2 * value * correlationSign);
  return buildRiskBook(
    [
      { symbol: 'AAA', quantity: 10, price: 100 },
      { symbol: 'BBB', quantity: 20, price: 50 },
    ],
    { AAA: first, BBB: second },
  );
}

describe('parametricVar', () => {
  it('is z·σ·√h of the P&L for perfectly correlated assets', () => {
    // Daily P&L is 1000·r + 1000·2r = 3000·r with r = ±1%: σ = 30·√(4/3).
    const sigma = 30 * Math.sqrt(4 / 3);
    const result = parametricVar(twoAssetBook(1), { confidence: 0.99, horizonDays: 10 });
    expect(result.valueAtRisk).toBeCloseTo(Z99 * sigma * Math.sqrt(10), 9);
    expect(result.expectedShortfall).toBeCloseTo((PDF_Z99 / 0.01) * sigma * Math.sqrt(10), 9);
    expect(result.valueAtRiskFraction).toBeCloseTo((Z99 * sigma * Math.sqrt(10)) / 2000, 12);
  });

  it('nets offsetting exposures: perfectly anticorrelated assets', () => {
    // P&L = 1000·r − 2000·r = −1000·r: σ = 10·√(4/3).
    const result = parametricVar(twoAssetBook(-1), { confidence: 0.95 });
    expect(result.valueAtRisk).toBeCloseTo(Z95 * 10 * Math.sqrt(4 / 3), 9);
  });

  it('subtracts the expected P&L only when asked', () => {
    const returns = new Float64Array([0.02, 0, 0.02, 0]);
    const book = buildRiskBook([{ symbol: 'AAA', quantity: 1, price: 1000 }], { AAA: returns });
    // P&L 20, 0, 20, 0: mean 10, σ = √(400/3).
    const sigma = Math.sqrt(400 / 3);
    expect(parametricVar(book, { confidence: 0.95 }).valueAtRisk).toBeCloseTo(Z95 * sigma, 9);
    expect(parametricVar(book, { confidence: 0.95, includeMean: true, horizonDays: 4 }).valueAtRisk).toBeCloseTo(Z95 * sigma * 2 - 40, 9);
  });

  it('refuses a covariance of the wrong size', () => {
    expect(() => parametricVar(twoAssetBook(1), { confidence: 0.95, covariance: { size: 1, values: new Float64Array([1]) } })).toThrow(/covariance is 1×1 but the book holds 2 symbols/);
  });
});

describe('normalVar', () => {
  it('gives z·σ at one day and expected shortfall above VaR', () => {
    const result = normalVar({ deviation: 100, mean: 0, portfolioValue: 10_000, confidence: 0.95, horizonDays: 1 });
    expect(result.valueAtRisk).toBeCloseTo(164.48536269514722, 10);
    // φ(1.645) / 0.05 · 100 = 206.27...
    expect(result.expectedShortfall).toBeCloseTo(206.27128075074278, 8);
    expect(result.valueAtRiskFraction).toBeCloseTo(0.016448536269514722, 14);
  });

  it('refuses a horizon that is not a positive integer', () => {
    expect(() => normalVar({ deviation: 1, mean: 0, portfolioValue: 1, confidence: 0.95, horizonDays: 0.5 })).toThrow(/horizonDays must be a positive integer/);
  });
});
