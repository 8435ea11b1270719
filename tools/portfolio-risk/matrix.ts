import { DeskError } from '../../core/index.ts';

/** A square matrix stored row-major: entry (row, column) is `values[row * size + column]`. */
export interface SquareMatrix {
  size: number;
  values: Float64Array;
}

/**
 * Sample covariance (divisor n − 1) of aligned return series, one series per asset.
 *
 * @example
 * covarianceMatrix([new Float64Array([0.01, 0.03]), new Float64Array([0.02, -0.02])]).values;
 * // [0.0002, -0.0004, -0.0004, 0.0008]
 */
export function covarianceMatrix(series: readonly Float64Array[]): SquareMatrix {
  const size = series.length;
  const length = size > 0 ? series[0].length : 0;
  if (length < 2) {
    throw new DeskError('insufficient_data', `returns must hold at least 2 days to estimate a covariance (got ${length})`, { field: 'returns' });
  }
  const centred = series.map((values) => {
    let mean = 0;
    for (const value of values) mean += value;
    mean /= length;
    return values.map((value) => value - mean);
  });
  const values = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    const left = centred[row];
    for (let column = 0; column <= row; column++) {
      const right = centred[column];
      let sum = 0;
      for (let day = 0; day < length; day++) sum += left[day] * right[day];
      values[row * size + column] = values[column * size + row] = sum / (length - 1);
    }
  }
  return { size, values };
}

/**
 * Correlations from a covariance matrix; an asset with zero variance correlates 0 with others
 * (and 1 with itself) rather than NaN.
 *
 * @example
 * correlationMatrix({ size: 2, values: new Float64Array([4, 2, 2, 9]) }).values; // [1, 1/3, 1/3, 1]
 */
export function correlationMatrix(covariance: SquareMatrix): SquareMatrix {
  const { size } = covariance;
  const deviations = Array.from({ length: size }, (_, index) => Math.sqrt(covariance.values[index * size + index]));
  const values = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const scale = deviations[row] * deviations[column];
      values[row * size + column] = row === column ? 1 : scale > 0 ? covariance.values[row * size + column] / scale : 0;
    }
  }
  return { size, values };
}

/**
 * Lower-triangular L with L·Lᵀ = matrix. Positive semi-definite input is accepted: a pivot
 * that is zero within rounding (a redundant asset) gives a zero column.
 *
 * @example
 * choleskyFactor({ size: 2, values: new Float64Array([4, 2, 2, 5]) }).values; // [2, 0, 1, 2]
 */
export function choleskyFactor(matrix: SquareMatrix): SquareMatrix {
  const { size, values } = matrix;
  const lower = new Float64Array(size * size);
  let largestDiagonal = 0;
  for (let index = 0; index < size; index++) largestDiagonal = Math.max(largestDiagonal, values[index * size + index]);
  const tolerance = 1e-12 * largestDiagonal * size;
  for (let column = 0; column < size; column++) {
    let pivot = values[column * size + column];
    for (let inner = 0; inner < column; inner++) pivot -= lower[column * size + inner] ** 2;
    if (pivot < -tolerance) {
      throw new DeskError('invalid_input', `covariance is not positive semi-definite (pivot ${pivot} at row ${column}); estimate it from more days than symbols`, { field: 'covariance', row: column });
    }
    if (pivot <= tolerance) continue;
    const diagonal = Math.sqrt(pivot);
    lower[column * size + column] = diagonal;
    for (let row = column + 1; row < size; row++) {
      let sum = values[row * size + column];
      for (let inner = 0; inner < column; inner++) sum -= lower[row * size + inner] * lower[column * size + inner];
      lower[row * size + column] = sum / diagonal;
    }
  }
  return { size, values: lower };
}

/**
 * matrix · vector.
 *
 * @example
 * multiplyVector({ size: 2, values: new Float64Array([1, 2, 3, 4]) }, new Float64Array([1, 1])); // [3, 7]
 */
export function multiplyVector(matrix: SquareMatrix, vector: Float64Array): Float64Array {
  const { size, values } = matrix;
  const result = new Float64Array(size);
  for (let row = 0; row < size; row++) {
    let sum = 0;
    for (let column = 0; column < size; column++) sum += values[row * size + column] * vector[column];
    result[row] = sum;
  }
  return result;
}

/**
 * vectorᵀ · matrix · vector, e.g. the variance of a portfolio from its exposures.
 *
 * @example
 * quadraticForm({ size: 2, values: new Float64Array([4, 2, 2, 9]) }, new Float64Array([1, 1])); // 17
 */
export function quadraticForm(matrix: SquareMatrix, vector: Float64Array): number {
  const product = multiplyVector(matrix, vector);
  let sum = 0;
  for (let index = 0; index < vector.length; index++) sum += vector[index] * product[index];
  return sum;
}
