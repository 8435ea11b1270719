import { DeskError } from '../../core/index.ts';
import { columnValues, TRADING_DAYS, type ReturnsTable } from './returns.ts';
import { requirePositive } from './validate.ts';

/** `compounding: true` gives CAGR-style (1 + r)^(252/n) - 1 instead of the arithmetic mean × 252. */
export type AnnualizeOptions = { frequency?: number; compounding?: boolean };

/**
 * Annualized mean historical return per ticker: arithmetic mean × 252 by default, or the
 * geometric (CAGR) rate with `compounding: true` (PyPortfolioOpt's default).
 *
 * @example
 * meanHistoricalReturn(returns); // [0.21, 0.13, ...] in ticker order
 */
export function meanHistoricalReturn(table: ReturnsTable, options: AnnualizeOptions = {}): number[] {
  const frequency = options.frequency ?? TRADING_DAYS;
  requirePositive('frequency', frequency);
  return table.tickers.map((ticker, column) => annualize(requireValues(table, column, ticker), frequency, options.compounding ?? false));
}

/**
 * Exponentially weighted mean daily return (pandas `ewm(span).mean()`, adjusted weights
 * (1 - α)^age with α = 2 / (span + 1)), annualized like `meanHistoricalReturn`.
 *
 * @example
 * emaHistoricalReturn(returns, { span: 500 });
 */
export function emaHistoricalReturn(table: ReturnsTable, options: AnnualizeOptions & { span?: number } = {}): number[] {
  const frequency = options.frequency ?? TRADING_DAYS;
  const span = options.span ?? 500;
  requirePositive('frequency', frequency);
  if (!(span >= 1)) throw new DeskError('invalid_number', `span must be >= 1 (got ${span})`, { field: 'span' });
  const decay = 1 - 2 / (span + 1);
  return table.tickers.map((ticker, column) => {
    requireValues(table, column, ticker);
    let weighted = 0;
    let totalWeight = 0;
    let weight = 1;
    for (let row = table.returns.length - 1; row >= 0; row--) {
      const value = table.returns[row][column];
      if (value !== null) {
        weighted += weight * value;
        totalWeight += weight;
      }
      weight *= decay;
    }
    const daily = weighted / totalWeight;
    return options.compounding ? (1 + daily) ** frequency - 1 : daily * frequency;
  });
}

/**
 * CAPM expected returns rf + βᵢ (E[r_m] - rf), with βᵢ = cov(rᵢ, r_m) / var(r_m). The market is
 * the given benchmark returns (one per row of `table`), else the equal-weighted mean of the
 * assets present that day.
 *
 * @example
 * capmReturn(returns, { riskFreeRate: 0.02 });
 */
export function capmReturn(table: ReturnsTable, options: AnnualizeOptions & { riskFreeRate?: number; benchmark?: Array<number | null> } = {}): number[] {
  const frequency = options.frequency ?? TRADING_DAYS;
  const riskFreeRate = options.riskFreeRate ?? 0.02;
  if (!Number.isFinite(riskFreeRate)) throw new DeskError('invalid_number', `riskFreeRate must be finite (got ${riskFreeRate})`, { field: 'riskFreeRate' });
  const market = options.benchmark ?? table.returns.map(equalWeightedMean);
  if (market.length !== table.returns.length) {
    throw new DeskError('invalid_input', `benchmark must have one return per returns row (${table.returns.length}, got ${market.length})`, { field: 'benchmark' });
  }
  const marketValues = market.filter((value): value is number => value !== null);
  if (marketValues.length < 2) throw new DeskError('insufficient_data', 'benchmark needs at least 2 returns to estimate betas', { field: 'benchmark' });
  const marketVariance = pairCovariance(marketValues, marketValues);
  const marketReturn = annualize(marketValues, frequency, options.compounding ?? false);
  return table.tickers.map((ticker, column) => {
    const left: number[] = [];
    const right: number[] = [];
    table.returns.forEach((row, index) => {
      const value = row[column];
      const benchmarkValue = market[index];
      if (value !== null && benchmarkValue !== null) {
        left.push(value);
        right.push(benchmarkValue);
      }
    });
    if (left.length < 2) throw new DeskError('insufficient_data', `${ticker} needs at least 2 returns overlapping the market to estimate its beta`, { field: 'returns', ticker });
    return riskFreeRate + (pairCovariance(left, right) / marketVariance) * (marketReturn - riskFreeRate);
  });
}

/** Sample covariance (n - 1) of two equal-length samples. @example pairCovariance([1, 2], [2, 4]); // 1 */
export function pairCovariance(left: number[], right: number[]): number {
  const count = left.length;
  const meanLeft = left.reduce((sum, value) => sum + value, 0) / count;
  const meanRight = right.reduce((sum, value) => sum + value, 0) / count;
  let sum = 0;
  for (let index = 0; index < count; index++) sum += (left[index] - meanLeft) * (right[index] - meanRight);
  return sum / (count - 1);
}

function annualize(values: number[], frequency: number, compounding: boolean): number {
  if (compounding) return values.reduce((product, value) => product * (1 + value), 1) ** (frequency / values.length) - 1;
  return (values.reduce((sum, value) => sum + value, 0) / values.length) * frequency;
}

function equalWeightedMean(row: Array<number | null>): number | null {
  const present = row.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
}

function requireValues(table: ReturnsTable, column: number, ticker: string): number[] {
  const values = columnValues(table, column);
  if (values.length === 0) throw new DeskError('insufficient_data', `${ticker} has no returns (it needs two consecutive prices)`, { field: 'returns', ticker });
  return values;
}
