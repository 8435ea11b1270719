import { DeskError } from '../../core/index.ts';
import { dot, quadraticForm, type Matrix } from './linalg.ts';

/** Annual expected return, volatility and Sharpe ratio of a weight vector. */
export type Performance = { expectedReturn: number; volatility: number; sharpe: number };

/**
 * Expected annual return wᵀμ, volatility √(wᵀΣw) and Sharpe (return - rf) / volatility.
 *
 * @example
 * portfolioPerformance([0.5, 0.5], [0.1, 0.2], [[0.04, 0], [0, 0.09]], 0.02);
 * // { expectedReturn: 0.15, volatility: 0.18, sharpe: 0.72 } (up to rounding)
 */
export function portfolioPerformance(weights: number[], expectedReturns: number[], covariance: Matrix, riskFreeRate = 0.02): Performance {
  const expectedReturn = dot(weights, expectedReturns);
  const volatility = Math.sqrt(Math.max(0, quadraticForm(covariance, weights)));
  return { expectedReturn, volatility, sharpe: volatility === 0 ? 0 : (expectedReturn - riskFreeRate) / volatility };
}

/**
 * Weights by ticker with |w| below `cutoff` set to 0, the rest renormalized to the original
 * sum and rounded to `rounding` decimals (PyPortfolioOpt's clean_weights, plus the renormalizing).
 *
 * @example
 * cleanWeights(['A', 'B', 'C'], [0.69996, 0.3, 0.00004]); // { A: 0.7, B: 0.3, C: 0 }
 */
export function cleanWeights(tickers: string[], weights: number[], options: { cutoff?: number; rounding?: number } = {}): Record<string, number> {
  const cutoff = options.cutoff ?? 1e-4;
  const rounding = options.rounding ?? 5;
  if (!(cutoff >= 0) || !Number.isInteger(rounding) || rounding < 0 || rounding > 15) {
    throw new DeskError('invalid_input', `cutoff must be >= 0 and rounding an integer in [0, 15] (got ${cutoff}, ${rounding})`, { field: 'cutoff' });
  }
  const kept = weights.map((weight) => (Math.abs(weight) < cutoff ? 0 : weight));
  const before = weights.reduce((sum, weight) => sum + weight, 0);
  const after = kept.reduce((sum, weight) => sum + weight, 0);
  const scale = after === 0 ? 1 : before / after;
  const factor = 10 ** rounding;
  return Object.fromEntries(tickers.map((ticker, index) => [ticker, Math.round(kept[index] * scale * factor) / factor + 0]));
}
