import { describe, expect, it } from 'vitest';
import { createRng, createStandardNormal } from '../market/index.ts';
import { buildRiskBook } from './book.ts';
import { monteCarloVar } from './monte-carlo.ts';
import { parametricVar } from './parametric.ts';

/** Three correlated assets (common factor plus noise), 500 days, long and short exposures. */
function correlatedBook() {
  const normal = createStandardNormal(createRng(11));
  const days = 500;
  const histories = { AAA: new Float64Array(days), BBB: new Float64Array(days), CCC: new Float64Array(days) };
  for (let day = 0; day < days; day++) {
    const market = normal();
    histories.AAA[day] = 0.01 * market + 0.005 * normal();
    histories.BBB[day] = 0.015 * market + 0.01 * normal();
    histories.CCC[day] = -0.005 * market + 0.02 * normal();
  }
  return buildRiskBook(
    [
      { symbol: 'AAA', quantity: 100, price: 50 },
      { symbol: 'BBB', quantity: -40, price: 80 },
      { symbol: 'CCC', quantity: 30, price: 100 },
    ],
    histories,
  );
}

describe('monteCarloVar', () => {
  it('converges to the parametric VaR and expected shortfall within 2% at 200,000 paths', () => {
    const book = correlatedBook();
    for (const confidence of [0.95, 0.99]) {
      const parametric = parametricVar(book, { confidence, horizonDays: 5 });
      const simulated = monteCarloVar(book, { confidence, horizonDays: 5, paths: 200_000, seed: 7 });
      expect(Math.abs(simulated.valueAtRisk / parametric.valueAtRisk - 1)).toBeLessThan(0.02);
      expect(Math.abs(simulated.expectedShortfall / parametric.expectedShortfall - 1)).toBeLessThan(0.02);
    }
  });

  it('repeats the same figure for the same seed and moves with a different seed', () => {
    const book = correlatedBook();
    const first = monteCarloVar(book, { confidence: 0.99, paths: 1000, seed: 1 });
    expect(monteCarloVar(book, { confidence: 0.99, paths: 1000, seed: 1 })).toEqual(first);
    expect(monteCarloVar(book, { confidence: 0.99, paths: 1000, seed: 2 }).valueAtRisk).not.toBe(first.valueAtRisk);
    expect(first).toMatchObject({ method: 'monte-carlo', scenarios: 1000, horizonDays: 1 });
  });

  it('handles a redundant asset (singular covariance) through the semi-definite Cholesky', () => {
    const returns = new Float64Array([0.01, -0.02, 0.015, -0.005, 0.0]);
    const book = buildRiskBook(
      [
        { symbol: 'AAA', quantity: 1, price: 100 },
        { symbol: 'AAA2', quantity: 1, price: 100 },
      ],
      { AAA: returns, AAA2: returns },
    );
    const parametric = parametricVar(book, { confidence: 0.95 });
    const simulated = monteCarloVar(book, { confidence: 0.95, paths: 100_000, seed: 3 });
    expect(Math.abs(simulated.valueAtRisk / parametric.valueAtRisk - 1)).toBeLessThan(0.02);
  });

  it('refuses too few paths, naming the field', () => {
    expect(() => monteCarloVar(correlatedBook(), { confidence: 0.95, paths: 10, seed: 1 })).toThrow(/paths must be an integer ≥ 100 \(got 10\)/);
  });
});
