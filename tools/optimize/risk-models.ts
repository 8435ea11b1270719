import { DeskError } from '../../core/index.ts';
import type { Matrix } from './linalg.ts';
import { columnValues, TRADING_DAYS, type ReturnsTable } from './returns.ts';
import { requirePositive } from './validate.ts';

/**
 * Annualized sample covariance (n - 1), pairwise-complete like pandas `DataFrame.cov()`: each
 * pair uses the rows where both returns exist, with means over those rows.
 *
 * @example
 * sampleCovariance(returns)[0][0]; // variance of the first ticker × 252
 */
export function sampleCovariance(table: ReturnsTable, options: { frequency?: number } = {}): Matrix {
  const frequency = options.frequency ?? TRADING_DAYS;
  requirePositive('frequency', frequency);
  const size = table.tickers.length;
  const result = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let left = 0; left < size; left++) {
    for (let right = left; right < size; right++) {
      let count = 0;
      let sumLeft = 0;
      let sumRight = 0;
      let sumProduct = 0;
      for (const row of table.returns) {
        const first = row[left];
        const second = row[right];
        if (first === null || second === null) continue;
        count++;
        sumLeft += first;
        sumRight += second;
        sumProduct += first * second;
      }
      if (count < 2) {
        throw new DeskError('insufficient_data', `${table.tickers[left]} and ${table.tickers[right]} need at least 2 overlapping returns for a covariance (got ${count})`, { field: 'returns' });
      }
      const value = ((sumProduct - (sumLeft * sumRight) / count) / (count - 1)) * frequency;
      result[left][right] = value;
      result[right][left] = value;
    }
  }
  return result;
}

/**
 * Ledoit-Wolf shrinkage towards a constant-variance target μI (sklearn's `ledoit_wolf`, as
 * PyPortfolioOpt's `CovarianceShrinkage.ledoit_wolf()` calls it: missing returns count as 0,
 * columns are demeaned, the empirical covariance divides by n), annualized.
 *
 * @example
 * const { covariance, shrinkage } = ledoitWolfCovariance(returns); // shrinkage in [0, 1]
 */
export function ledoitWolfCovariance(table: ReturnsTable, options: { frequency?: number } = {}): { covariance: Matrix; shrinkage: number } {
  const frequency = options.frequency ?? TRADING_DAYS;
  requirePositive('frequency', frequency);
  const samples = table.returns.length;
  const size = table.tickers.length;
  if (samples < 2) throw new DeskError('insufficient_data', `Ledoit-Wolf needs at least 2 return rows (got ${samples})`, { field: 'returns' });
  const columns = table.tickers.map((_, column) => {
    const values = table.returns.map((row) => row[column] ?? 0);
    const mean = values.reduce((sum, value) => sum + value, 0) / samples;
    return Float64Array.from(values, (value) => value - mean);
  });
  const squares = columns.map((column) => column.map((value) => value * value));
  const empirical = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  let beta = 0;
  for (let left = 0; left < size; left++) {
    for (let right = left; right < size; right++) {
      let product = 0;
      let squareProduct = 0;
      for (let row = 0; row < samples; row++) {
        product += columns[left][row] * columns[right][row];
        squareProduct += squares[left][row] * squares[right][row];
      }
      empirical[left][right] = empirical[right][left] = product / samples;
      beta += (left === right ? 1 : 2) * squareProduct;
    }
  }
  const trace = empirical.reduce((sum, row, index) => sum + row[index], 0);
  const target = trace / size;
  const frobenius = empirical.reduce((sum, row) => sum + row.reduce((inner, value) => inner + value * value, 0), 0);
  const delta = (frobenius - 2 * target * trace + size * target * target) / size;
  const betaScaled = Math.min((beta / samples - frobenius) / (size * samples), delta);
  const shrinkage = betaScaled === 0 ? 0 : betaScaled / delta;
  const covariance = empirical.map((row, index) => row.map((value, column) => ((1 - shrinkage) * value + (index === column ? shrinkage * target : 0)) * frequency));
  return { covariance, shrinkage };
}

/**
 * Exponentially weighted covariance (PyPortfolioOpt's `exp_cov`): for each pair, the pandas
 * `ewm(span)` mean of (xᵢ - x̄)(yᵢ - ȳ) over rows where both exist, x̄ and ȳ each asset's own
 * mean; recent days weigh most. Annualized.
 *
 * @example
 * exponentialCovariance(returns, { span: 180 });
 */
export function exponentialCovariance(table: ReturnsTable, options: { frequency?: number; span?: number } = {}): Matrix {
  const frequency = options.frequency ?? TRADING_DAYS;
  const span = options.span ?? 180;
  requirePositive('frequency', frequency);
  if (!(span >= 1)) throw new DeskError('invalid_number', `span must be >= 1 (got ${span})`, { field: 'span' });
  const decay = 1 - 2 / (span + 1);
  const size = table.tickers.length;
  const means = table.tickers.map((ticker, column) => {
    const values = columnValues(table, column);
    if (values.length < 2) throw new DeskError('insufficient_data', `${ticker} needs at least 2 returns for a covariance`, { field: 'returns', ticker });
    return values.reduce((sum, value) => sum + value, 0) / values.length;
  });
  const result = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let left = 0; left < size; left++) {
    for (let right = left; right < size; right++) {
      let weighted = 0;
      let totalWeight = 0;
      let weight = 1;
      for (let row = table.returns.length - 1; row >= 0; row--) {
        const first = table.returns[row][left];
        const second = table.returns[row][right];
        if (first !== null && second !== null) {
          weighted += weight * (first - means[left]) * (second - means[right]);
          totalWeight += weight;
        }
        weight *= decay;
      }
      if (totalWeight === 0) throw new DeskError('insufficient_data', `${table.tickers[left]} and ${table.tickers[right]} have no overlapping returns`, { field: 'returns' });
      result[left][right] = result[right][left] = (weighted / totalWeight) * frequency;
    }
  }
  return result;
}
