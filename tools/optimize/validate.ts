import { DeskError } from '../../core/index.ts';
import type { Matrix } from './linalg.ts';

/**
 * Refuse a vector whose entries are not all finite numbers.
 *
 * @example
 * requireFiniteVector('expectedReturns', [0.1, 0.2]); // passes
 */
export function requireFiniteVector(field: string, values: readonly number[], length?: number): void {
  if (length !== undefined && values.length !== length) {
    throw new DeskError('invalid_input', `${field} must have ${length} entries, one per ticker (got ${values.length})`, { field });
  }
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) {
      throw new DeskError('invalid_number', `${field}[${index}] must be a finite number (got ${value})`, { field, index });
    }
  });
}

/**
 * Refuse a covariance matrix that is not square n × n, finite and symmetric.
 *
 * @example
 * requireCovariance([[0.04, 0.01], [0.01, 0.09]], 2); // passes
 */
export function requireCovariance(covariance: Matrix, size: number): void {
  if (covariance.length !== size) {
    throw new DeskError('invalid_input', `covariance must be ${size} × ${size}, one row per ticker (got ${covariance.length} rows)`, { field: 'covariance' });
  }
  covariance.forEach((row, index) => {
    requireFiniteVector(`covariance[${index}]`, row, size);
    for (let column = 0; column < index; column++) {
      const scale = Math.max(1e-12, Math.abs(row[column]), Math.abs(covariance[column][index]));
      if (Math.abs(row[column] - covariance[column][index]) > 1e-9 * scale) {
        throw new DeskError('invalid_input', `covariance must be symmetric (entry [${index}][${column}] differs from [${column}][${index}])`, { field: 'covariance' });
      }
    }
    if (row[index] < 0) throw new DeskError('invalid_number', `covariance[${index}][${index}] is a variance and must be >= 0 (got ${row[index]})`, { field: 'covariance' });
  });
}

/**
 * Refuse a positive-integer option outside its range.
 *
 * @example
 * requirePositive('span', 60); // passes
 */
export function requirePositive(field: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new DeskError('invalid_number', `${field} must be a finite number > 0 (got ${value})`, { field });
  }
}
