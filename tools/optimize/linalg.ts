import { DeskError } from '../../core/index.ts';

/** A dense square or rectangular matrix, row-major: `matrix[row][column]`. */
export type Matrix = number[][];

/**
 * Lower-triangular Cholesky factor L of a symmetric positive-definite matrix (A = L Lᵀ),
 * stored row-major in a flat array of n × n.
 *
 * @example
 * const factor = choleskyFactor(new Float64Array([4, 2, 2, 3]), 2);
 * choleskySolve(factor, 2, new Float64Array([6, 5])); // [1, 1]
 */
export function choleskyFactor(matrix: Float64Array, size: number): Float64Array {
  const factor = new Float64Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column <= row; column++) {
      let sum = matrix[row * size + column];
      for (let inner = 0; inner < column; inner++) sum -= factor[row * size + inner] * factor[column * size + inner];
      if (row === column) {
        if (!(sum > 0)) {
          throw new DeskError('invalid_input', `matrix must be positive definite (pivot ${row} is ${sum})`, { field: 'matrix', pivot: row });
        }
        factor[row * size + row] = Math.sqrt(sum);
      } else {
        factor[row * size + column] = sum / factor[column * size + column];
      }
    }
  }
  return factor;
}

/**
 * Solve L Lᵀ x = b (b is not modified), given the factor from `choleskyFactor`.
 *
 * @example
 * choleskySolve(choleskyFactor(new Float64Array([4, 0, 0, 9]), 2), 2, new Float64Array([4, 9])); // [1, 1]
 */
export function choleskySolve(factor: Float64Array, size: number, rhs: Float64Array): Float64Array {
  const solution = Float64Array.from(rhs);
  for (let row = 0; row < size; row++) {
    let sum = solution[row];
    for (let inner = 0; inner < row; inner++) sum -= factor[row * size + inner] * solution[inner];
    solution[row] = sum / factor[row * size + row];
  }
  for (let row = size - 1; row >= 0; row--) {
    let sum = solution[row];
    for (let inner = row + 1; inner < size; inner++) sum -= factor[inner * size + row] * solution[inner];
    solution[row] = sum / factor[row * size + row];
  }
  return solution;
}

/**
 * LU factorization with partial pivoting of a square matrix; returns a solver for A x = b,
 * or null when A is singular to working precision.
 *
 * @example
 * luSolver([[2, 1], [1, 3]])?.([3, 5]); // [0.8, 1.4]
 */
export function luSolver(matrix: Matrix): ((rhs: number[]) => number[]) | null {
  const size = matrix.length;
  const work = matrix.map((row) => [...row]);
  const permutation = Array.from({ length: size }, (_, index) => index);
  for (let pivot = 0; pivot < size; pivot++) {
    let best = pivot;
    for (let row = pivot + 1; row < size; row++) if (Math.abs(work[row][pivot]) > Math.abs(work[best][pivot])) best = row;
    if (!(Math.abs(work[best][pivot]) > 1e-300)) return null;
    [work[pivot], work[best]] = [work[best], work[pivot]];
    [permutation[pivot], permutation[best]] = [permutation[best], permutation[pivot]];
    const pivotRow = work[pivot];
    for (let row = pivot + 1; row < size; row++) {
      const target = work[row];
      const factor = (target[pivot] /= pivotRow[pivot]);
      if (factor !== 0) for (let column = pivot + 1; column < size; column++) target[column] -= factor * pivotRow[column];
    }
  }
  return (rhs) => {
    const solution = permutation.map((index) => rhs[index]);
    for (let row = 0; row < size; row++) for (let column = 0; column < row; column++) solution[row] -= work[row][column] * solution[column];
    for (let row = size - 1; row >= 0; row--) {
      for (let column = row + 1; column < size; column++) solution[row] -= work[row][column] * solution[column];
      solution[row] /= work[row][row];
    }
    return solution;
  };
}

/** Matrix times vector. @example multiply([[1, 2], [3, 4]], [1, 1]); // [3, 7] */
export function multiply(matrix: Matrix, vector: number[]): number[] {
  return matrix.map((row) => dot(row, vector));
}

/** Inner product of two equal-length vectors. @example dot([1, 2], [3, 4]); // 11 */
export function dot(left: ArrayLike<number>, right: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < left.length; index++) sum += left[index] * right[index];
  return sum;
}

/** wᵀ Σ w, the variance of a portfolio. @example quadraticForm([[0.04]], [1]); // 0.04 */
export function quadraticForm(matrix: Matrix, vector: number[]): number {
  return dot(vector, multiply(matrix, vector));
}
