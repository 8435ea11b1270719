import { describe, expect, it } from 'vitest';
import { efficientRisk } from './efficient-risk.ts';
import { efficientReturn, type MeanVarianceInput } from './mean-variance.ts';

const four: MeanVarianceInput = {
  tickers: ['A', 'B', 'C', 'D'],
  expectedReturns: [0.08, 0.12, 0.15, 0.2],
  covariance: [
    [0.04, 0.006, 0.01, 0.004],
    [0.006, 0.09, 0.018, 0.03],
    [0.01, 0.018, 0.0625, 0.02],
    [0.004, 0.03, 0.02, 0.16],
  ],
};

describe('efficientRisk', () => {
  it('hits the target volatility and lies on the efficient frontier', () => {
    const result = efficientRisk(four, 0.22);
    expect(result.volatility).toBeCloseTo(0.22, 8);
    expect(efficientReturn(four, result.expectedReturn).volatility).toBeCloseTo(0.22, 7);
  });

  it('reaches a target volatility with shorting allowed, at a higher return than long-only', () => {
    const longShort = efficientRisk({ ...four, weightBounds: [-1, 1] }, 0.22);
    expect(longShort.volatility).toBeCloseTo(0.22, 8);
    expect(longShort.expectedReturn).toBeGreaterThan(efficientRisk(four, 0.22).expectedReturn);
  });

  it('takes the highest-return portfolio when the target is loose', () => {
    expect(efficientRisk(four, 0.9).rawWeights[3]).toBeCloseTo(1, 6);
  });

  it('refuses a target below the minimum volatility', () => {
    expect(() => efficientRisk(four, 0.05)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
