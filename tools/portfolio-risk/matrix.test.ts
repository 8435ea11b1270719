import { describe, expect, it } from 'vitest';
import { choleskyFactor, correlationMatrix, covarianceMatrix, multiplyVector, quadraticForm, type SquareMatrix } from './matrix.ts';

function matrix(size: number, values: number[]): SquareMatrix {
  return { size, values: new Float64Array(values) };
}

describe('covarianceMatrix', () => {
  it('uses the n − 1 divisor', () => {
    // Means 0.02 and 0; deviations ±0.01 and ±0.02: variances 0.0002 and 0.0008, covariance −0.0004.
    const result = covarianceMatrix([new Float64Array([0.01, 0.03]), new Float64Array([0.02, -0.02])]);
    expect(Array.from(result.values)).toEqual([expect.closeTo(0.0002, 15), expect.closeTo(-0.0004, 15), expect.closeTo(-0.0004, 15), expect.closeTo(0.0008, 15)]);
  });

  it('refuses a single day', () => {
    expect(() => covarianceMatrix([new Float64Array([0.01])])).toThrow(/at least 2 days/);
  });
});

describe('correlationMatrix', () => {
  it('divides by both deviations and keeps 1 on the diagonal', () => {
    expect(Array.from(correlationMatrix(matrix(2, [4, 2, 2, 9])).values)).toEqual([1, expect.closeTo(1 / 3, 15), expect.closeTo(1 / 3, 15), 1]);
  });

  it('gives 0 rather than NaN for an asset that never moves', () => {
    expect(Array.from(correlationMatrix(matrix(2, [4, 0, 0, 0])).values)).toEqual([1, 0, 0, 1]);
  });
});

describe('choleskyFactor', () => {
  it('factors a hand-checked 2×2 and 3×3', () => {
    expect(Array.from(choleskyFactor(matrix(2, [4, 2, 2, 5])).values)).toEqual([2, 0, 1, 2]);
    // L = [[2,0,0],[6,1,0],[−8,5,3]] gives L·Lᵀ = [[4,12,−16],[12,37,−43],[−16,−43,98]].
    expect(Array.from(choleskyFactor(matrix(3, [4, 12, -16, 12, 37, -43, -16, -43, 98])).values)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
  });

  it('gives a zero column for a redundant asset and refuses an indefinite matrix', () => {
    expect(Array.from(choleskyFactor(matrix(2, [1, 1, 1, 1])).values)).toEqual([1, 0, 1, 0]);
    expect(() => choleskyFactor(matrix(2, [1, 2, 2, 1]))).toThrow(/covariance is not positive semi-definite/);
  });
});

describe('multiplyVector and quadraticForm', () => {
  it('multiply a row-major matrix', () => {
    expect(Array.from(multiplyVector(matrix(2, [1, 2, 3, 4]), new Float64Array([1, 1])))).toEqual([3, 7]);
    expect(quadraticForm(matrix(2, [4, 2, 2, 9]), new Float64Array([1, 1]))).toBe(17);
  });
});
