import { describe, expect, it } from 'vitest';
import { buildRiskBook } from './book.ts';
import { parametricVar } from './parametric.ts';
import { stressCovariance, VOLATILITY_SPIKE_2008, volatilitySpikeVar } from './volatility-spike.ts';

/** Uncorrelated pair: AAA = ±1%, BBB = ±1% on a pattern orthogonal to AAA's. */
function uncorrelatedBook() {
  return buildRiskBook(
    [
      { symbol: 'AAA', quantity: 10, price: 100 },
      { symbol: 'BBB', quantity: 10, price: 100 },
    ],
    { AAA: new Float64Array([0.01, -0.01, 0.01, -0.01]), BBB: new Float64Array([0.01, 0.01, -0.01, -0.01]) },
  );
}

describe('stressCovariance', () => {
  it('multiplies volatilities and pushes correlations toward 1', () => {
    const stressed = stressCovariance({ size: 2, values: new Float64Array([1, 0, 0, 4]) }, { volatilityMultiplier: 2, correlationPush: 0.5 });
    expect(Array.from(stressed.values)).toEqual([4, 4, 4, 16]);
  });

  it('refuses a push outside [0, 1]', () => {
    expect(() => stressCovariance({ size: 1, values: new Float64Array([1]) }, { volatilityMultiplier: 2, correlationPush: 1.5 })).toThrow(/correlationPush must be in \[0, 1\]/);
  });
});

describe('volatilitySpikeVar', () => {
  it('reports the 2008-style VaR: ×3 volatility and correlation 0 → 0.5 on an uncorrelated pair', () => {
    const book = uncorrelatedBook();
    const result = volatilitySpikeVar(book, VOLATILITY_SPIKE_2008, { confidence: 0.99 });
    // Each leg: σ = 1000 · 0.01·√(4/3). Baseline σ_p = √2·leg; stressed = 3·√(2 + 2·0.5)·leg = 3·√3·leg.
    const leg = 10 * Math.sqrt(4 / 3);
    expect(result.baseline.valueAtRisk).toBeCloseTo(2.3263478740408408 * Math.SQRT2 * leg, 9);
    expect(result.stressed.valueAtRisk).toBeCloseTo(2.3263478740408408 * 3 * Math.sqrt(3) * leg, 9);
    expect(result.baseline).toEqual(parametricVar(book, { confidence: 0.99 }));
    expect(result.contributions.map((entry) => entry.share)).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.5, 12)]);
  });
});
