import { DeskError } from '../../core/index.ts';
import { requireFiniteSeries, type RiskBook } from './book.ts';
import { covarianceMatrix, multiplyVector, type SquareMatrix } from './matrix.ts';

/** Trading days in a year, for annualizing daily figures by √252. */
export const TRADING_DAYS_PER_YEAR = 252;

/** Annualized volatility of a book, in currency and as a fraction of its net value. */
export interface PortfolioVolatility {
  /** √(eᵀΣe)·√252, currency. */
  annualized: number;
  /** `annualized` / |portfolio value|; null when the value is 0. */
  annualizedFraction: number | null;
  daily: number;
}

/** How much each position adds to portfolio volatility (annualized, currency). */
export interface RiskContribution {
  symbol: string;
  exposure: number;
  /** ∂σ/∂eᵢ = (Σe)ᵢ / σ·√252: volatility added per unit of extra exposure. */
  marginal: number;
  /** eᵢ · marginal; the components sum to the portfolio's annualized volatility. */
  component: number;
  /** component / σ; the shares sum to 1. */
  share: number;
}

/**
 * Annualized portfolio volatility from the daily covariance of the book's returns.
 *
 * @example
 * portfolioVolatility(book).annualizedFraction; // e.g. 0.18 for an 18% a year book
 */
export function portfolioVolatility(book: RiskBook, covariance: SquareMatrix = covarianceMatrix(book.returns)): PortfolioVolatility {
  const { daily } = dailyDeviation(book, covariance);
  const annualized = daily * Math.sqrt(TRADING_DAYS_PER_YEAR);
  return { annualized, annualizedFraction: book.portfolioValue === 0 ? null : annualized / Math.abs(book.portfolioValue), daily };
}

/**
 * Euler decomposition of annualized volatility into marginal and component contributions.
 * A book with zero volatility gets zero contributions (and zero shares) rather than NaN.
 *
 * @example
 * riskContributions(book).reduce((sum, entry) => sum + entry.component, 0); // = portfolioVolatility(book).annualized
 */
export function riskContributions(book: RiskBook, covariance: SquareMatrix = covarianceMatrix(book.returns)): RiskContribution[] {
  const { daily, product } = dailyDeviation(book, covariance);
  const annualize = Math.sqrt(TRADING_DAYS_PER_YEAR);
  return book.symbols.map((symbol, index) => {
    const marginal = daily > 0 ? (product[index] / daily) * annualize : 0;
    const component = book.exposures[index] * marginal;
    return { symbol, exposure: book.exposures[index], marginal, component, share: daily > 0 ? component / (daily * annualize) : 0 };
  });
}

/** Σe and the daily P&L deviation √(eᵀΣe) in currency. */
function dailyDeviation(book: RiskBook, covariance: SquareMatrix): { daily: number; product: Float64Array } {
  if (covariance.size !== book.symbols.length) {
    throw new DeskError('invalid_input', `covariance is ${covariance.size}×${covariance.size} but the book holds ${book.symbols.length} symbols`, { field: 'covariance' });
  }
  const product = multiplyVector(covariance, book.exposures);
  let variance = 0;
  for (let index = 0; index < product.length; index++) variance += book.exposures[index] * product[index];
  return { daily: Math.sqrt(Math.max(0, variance)), product };
}

/**
 * Beta of a return series to a benchmark: cov(r, b) / var(b), sample estimates.
 *
 * @example
 * beta(new Float64Array([0.02, -0.04]), new Float64Array([0.01, -0.02])); // 2
 */
export function beta(returns: Float64Array, benchmark: Float64Array): number {
  if (returns.length !== benchmark.length || returns.length < 2) {
    throw new DeskError('invalid_input', `returns and benchmark must be aligned with at least 2 days (got ${returns.length} and ${benchmark.length})`, { field: 'benchmark' });
  }
  requireFiniteSeries(returns, 'returns');
  requireFiniteSeries(benchmark, 'benchmark');
  const covariance = covarianceMatrix([returns, benchmark]).values;
  if (covariance[3] === 0) {
    throw new DeskError('invalid_input', 'benchmark has zero variance, so beta is undefined; use a benchmark that moves', { field: 'benchmark' });
  }
  return covariance[1] / covariance[3];
}

/**
 * Beta of each position's history to a benchmark, keyed by symbol (input to a beta-scaled shock).
 *
 * @example
 * positionBetas(book, spyReturns); // { AAPL: 1.2, XOM: 0.8 }
 */
export function positionBetas(book: RiskBook, benchmark: Float64Array): Record<string, number> {
  return Object.fromEntries(book.symbols.map((symbol, index) => [symbol, beta(book.returns[index], benchmark)]));
}

/**
 * Beta of the whole book to a benchmark: its daily return (P&L / net value) against the benchmark,
 * which equals Σ weightᵢ·betaᵢ.
 *
 * @example
 * portfolioBeta(book, spyReturns); // e.g. 1.05
 */
export function portfolioBeta(book: RiskBook, benchmark: Float64Array): number {
  if (book.portfolioValue === 0) {
    throw new DeskError('invalid_input', 'portfolio value is 0, so a portfolio return (and its beta) is undefined; use positionBetas', { field: 'positions' });
  }
  return Object.values(positionBetas(book, benchmark)).reduce((sum, value, index) => sum + (value * book.exposures[index]) / book.portfolioValue, 0);
}

/** Deepest peak-to-trough fall of an equity curve, as a positive fraction of the peak. */
export interface Drawdown {
  maxDrawdown: number;
  peakIndex: number;
  troughIndex: number;
}

/**
 * Maximum drawdown of an equity curve (values must be > 0). A curve that never falls gives 0
 * with peak and trough at index 0.
 *
 * @example
 * maxDrawdown(new Float64Array([100, 120, 90, 130, 104])); // { maxDrawdown: 0.25, peakIndex: 1, troughIndex: 2 }
 */
export function maxDrawdown(equity: Float64Array): Drawdown {
  if (equity.length === 0) throw new DeskError('insufficient_data', 'equity must hold at least one value (got none)', { field: 'equity' });
  requireFiniteSeries(equity, 'equity');
  let peakIndex = 0;
  const worst: Drawdown = { maxDrawdown: 0, peakIndex: 0, troughIndex: 0 };
  for (let index = 0; index < equity.length; index++) {
    if (equity[index] <= 0) {
      throw new DeskError('invalid_number', `equity[${index}] must be > 0 (got ${equity[index]})`, { field: 'equity' });
    }
    if (equity[index] > equity[peakIndex]) peakIndex = index;
    const drawdown = 1 - equity[index] / equity[peakIndex];
    if (drawdown > worst.maxDrawdown) Object.assign(worst, { maxDrawdown: drawdown, peakIndex, troughIndex: index });
  }
  return worst;
}
