import { describe, expect, it } from 'vitest';
import { correlationDistance, hierarchicalRiskParity, quasiDiagonalOrder } from './hrp.ts';

const covariance = [
  [0.04, 0.03, 0.002, 0.004, 0.001],
  [0.03, 0.05, 0.003, 0.002, 0.002],
  [0.002, 0.003, 0.09, 0.06, 0.01],
  [0.004, 0.002, 0.06, 0.08, 0.012],
  [0.001, 0.002, 0.01, 0.012, 0.02],
];
const tickers = ['A', 'B', 'C', 'D', 'E'];

describe('quasiDiagonalOrder', () => {
  it('orders leaves like scipy single linkage + to_tree().pre_order()', () => {
    // scipy 1.17: linkage(squareform(distance), 'single') -> pre_order [0, 1, 4, 2, 3]
    expect(quasiDiagonalOrder(correlationDistance(covariance))).toEqual([0, 1, 4, 2, 3]);
  });
});

describe('hierarchicalRiskParity', () => {
  it('matches the recursive-bisection weights computed with scipy on the same matrix', () => {
    const expected = [0.20392638965749094, 0.16314111172599272, 0.06457525867355304, 0.07264716600774718, 0.4957100739352161];
    const result = hierarchicalRiskParity({ tickers, covariance });
    expected.forEach((value, index) => expect(result.rawWeights[index]).toBeCloseTo(value, 12));
    expect(result.order).toEqual(['A', 'B', 'E', 'C', 'D']);
  });

  it('gives inverse-variance weights to uncorrelated assets in pairs', () => {
    const result = hierarchicalRiskParity({ tickers: ['A', 'B'], covariance: [[0.04, 0], [0, 0.01]] });
    expect(result.rawWeights[0]).toBeCloseTo(0.2, 12);
    expect(result.weights).toEqual({ A: 0.2, B: 0.8 });
  });

  it('clusters on a given correlation matrix instead of the covariance', () => {
    const correlation = [[1, 0.1, 0.9], [0.1, 1, 0.1], [0.9, 0.1, 1]];
    const result = hierarchicalRiskParity({ tickers: ['A', 'B', 'C'], covariance: [[0.04, 0, 0], [0, 0.04, 0], [0, 0, 0.04]], correlation });
    expect(result.order).toEqual(['B', 'A', 'C']);
  });

  it('refuses a covariance of the wrong size', () => {
    expect(() => hierarchicalRiskParity({ tickers: ['A'], covariance })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
