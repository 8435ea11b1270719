import { DeskError } from '../../core/index.ts';
import { requireConfidence, requireHorizon, type RiskBook } from './book.ts';
import { covarianceMatrix, quadraticForm, type SquareMatrix } from './matrix.ts';
import { inverseNormalCdf, normalPdf } from './normal.ts';
import { toVarResult, type VarResult } from './tail.ts';

export interface ParametricVarOptions {
  confidence: number;
  /** Trading days; 1 by default. Volatility scales by √h, the mean by h. */
  horizonDays?: number;
  /** Subtract the expected P&L (sample mean × h); false by default, the usual desk choice. */
  includeMean?: boolean;
  /** Daily covariance of the book's returns; estimated from the book when omitted. */
  covariance?: SquareMatrix;
}

/**
 * Variance-covariance (normal) VaR and expected shortfall of a linear book:
 * VaR = z·σ·√h − μ·h and ES = φ(z) / (1 − α)·σ·√h − μ·h, where σ² = eᵀΣe is the daily P&L
 * variance of exposures e, z the α-quantile of the standard normal and μ the daily mean P&L
 * (0 unless `includeMean`).
 *
 * @example
 * parametricVar(book, { confidence: 0.99, horizonDays: 10 }).valueAtRisk; // 2.326·σ·√10
 */
export function parametricVar(book: RiskBook, options: ParametricVarOptions): VarResult {
  const covariance = options.covariance ?? covarianceMatrix(book.returns);
  if (covariance.size !== book.symbols.length) {
    throw new DeskError('invalid_input', `covariance is ${covariance.size}×${covariance.size} but the book holds ${book.symbols.length} symbols`, { field: 'covariance' });
  }
  const deviation = Math.sqrt(Math.max(0, quadraticForm(covariance, book.exposures)));
  const mean = options.includeMean === true ? meanDailyPnl(book) : 0;
  return normalVar({ deviation, mean, portfolioValue: book.portfolioValue, confidence: options.confidence, horizonDays: options.horizonDays ?? 1 });
}

/**
 * Normal VaR and expected shortfall from a daily P&L standard deviation and mean (currency).
 *
 * @example
 * normalVar({ deviation: 100, mean: 0, portfolioValue: 10_000, confidence: 0.95, horizonDays: 1 }).valueAtRisk; // 164.485...
 */
export function normalVar(input: { deviation: number; mean: number; portfolioValue: number; confidence: number; horizonDays: number }): VarResult {
  const confidence = requireConfidence(input.confidence);
  const horizonDays = requireHorizon(input.horizonDays);
  const quantile = inverseNormalCdf(confidence);
  const spread = input.deviation * Math.sqrt(horizonDays);
  const drift = input.mean * horizonDays;
  return toVarResult('parametric', {
    valueAtRisk: quantile * spread - drift,
    expectedShortfall: (normalPdf(quantile) / (1 - confidence)) * spread - drift,
  }, { confidence, horizonDays, portfolioValue: input.portfolioValue, scenarios: 0 });
}

/**
 * Mean daily P&L of today's exposures over the history: Σ eᵢ·mean(rᵢ).
 *
 * @example
 * meanDailyPnl(book); // e.g. 12.5 (currency per day)
 */
export function meanDailyPnl(book: RiskBook): number {
  let total = 0;
  book.returns.forEach((history, asset) => {
    let sum = 0;
    for (const value of history) sum += value;
    total += (book.exposures[asset] * sum) / history.length;
  });
  return total;
}
