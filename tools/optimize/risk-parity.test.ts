import { describe, expect, it } from 'vitest';
import { multiply } from './linalg.ts';
import { riskParity } from './risk-parity.ts';

const covariance = [
  [0.04, 0.006, 0.01, 0.004],
  [0.006, 0.09, 0.018, 0.03],
  [0.01, 0.018, 0.0625, 0.02],
  [0.004, 0.03, 0.02, 0.16],
];
const tickers = ['A', 'B', 'C', 'D'];

function contributions(weights: number[]): number[] {
  const marginal = multiply(covariance, weights);
  const total = weights.reduce((sum, weight, index) => sum + weight * marginal[index], 0);
  return weights.map((weight, index) => (weight * marginal[index]) / total);
}

describe('riskParity', () => {
  it('weights uncorrelated assets by inverse volatility', () => {
    const result = riskParity({ tickers: ['A', 'B'], covariance: [[0.04, 0], [0, 0.16]] });
    expect(result.rawWeights[0]).toBeCloseTo(2 / 3, 12);
  });

  it('equalizes every asset’s share of variance on a correlated matrix', () => {
    const result = riskParity({ tickers, covariance });
    for (const share of contributions(result.rawWeights)) expect(share).toBeCloseTo(0.25, 10);
    expect(result.rawWeights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
  });

  it('meets unequal risk budgets', () => {
    const result = riskParity({ tickers, covariance, budgets: [0.4, 0.3, 0.2, 0.1] });
    contributions(result.rawWeights).forEach((share, index) => expect(share).toBeCloseTo([0.4, 0.3, 0.2, 0.1][index], 10));
  });

  it('refuses a non-positive budget', () => {
    expect(() => riskParity({ tickers, covariance, budgets: [1, 1, 0, 1] })).toThrow(/budgets must all be > 0/);
  });
});
