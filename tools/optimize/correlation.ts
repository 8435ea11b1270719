import { DeskError } from '../../core/index.ts';
import type { Matrix } from './linalg.ts';
import type { ReturnsTable } from './returns.ts';

/**
 * Pairwise-complete Pearson correlation like pandas `DataFrame.corr()`: each pair's means and
 * deviations use only the rows where both returns exist. Differs from cov / (σᵢσⱼ) of
 * `sampleCovariance` when assets listed at different dates; HRP on PyPortfolioOpt's data
 * needs this one to reproduce its weights.
 *
 * @example
 * sampleCorrelation(returns)[0][1]; // in [-1, 1]
 */
export function sampleCorrelation(table: ReturnsTable): Matrix {
  const size = table.tickers.length;
  const result: Matrix = Array.from({ length: size }, (_, index) => Array.from({ length: size }, (__, column) => (index === column ? 1 : 0)));
  for (let left = 0; left < size; left++) {
    for (let right = left + 1; right < size; right++) {
      const first: number[] = [];
      const second: number[] = [];
      for (const row of table.returns) {
        const a = row[left];
        const b = row[right];
        if (a !== null && b !== null) {
          first.push(a);
          second.push(b);
        }
      }
      if (first.length < 2) {
        throw new DeskError('insufficient_data', `${table.tickers[left]} and ${table.tickers[right]} need at least 2 overlapping returns for a correlation (got ${first.length})`, { field: 'returns' });
      }
      const meanFirst = first.reduce((sum, value) => sum + value, 0) / first.length;
      const meanSecond = second.reduce((sum, value) => sum + value, 0) / second.length;
      let product = 0;
      let squaresFirst = 0;
      let squaresSecond = 0;
      for (let index = 0; index < first.length; index++) {
        product += (first[index] - meanFirst) * (second[index] - meanSecond);
        squaresFirst += (first[index] - meanFirst) ** 2;
        squaresSecond += (second[index] - meanSecond) ** 2;
      }
      const denominator = Math.sqrt(squaresFirst * squaresSecond);
      result[left][right] = result[right][left] = denominator === 0 ? 0 : product / denominator;
    }
  }
  return result;
}
