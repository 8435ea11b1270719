import type { MeanVarianceInput } from './mean-variance.ts';

/** Four assets with known returns and a positive-definite covariance, shared by the optimizer tests. */
export const four: MeanVarianceInput = {
  tickers: ['A', 'B', 'C', 'D'],
  expectedReturns: [0.08, 0.12, 0.15, 0.2],
  covariance: [
    [0.04, 0.006, 0.01, 0.004],
    [0.006, 0.09, 0.018, 0.03],
    [0.01, 0.018, 0.0625, 0.02],
    [0.004, 0.03, 0.02, 0.16],
  ],
};

export const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
