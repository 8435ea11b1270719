import { describe, expect, it } from 'vitest';
import { efficientRisk } from './efficient-risk.ts';
import { efficientReturn } from './mean-variance.ts';
import { four } from './test-fixtures.ts';

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
