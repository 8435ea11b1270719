import { DeskError } from '../../core/index.ts';
import { createRng, createStandardNormal } from '../market/index.ts';
import { requireHorizon, type RiskBook } from './book.ts';
import { choleskyFactor, covarianceMatrix, type SquareMatrix } from './matrix.ts';
import { meanDailyPnl } from './parametric.ts';
import { lossTail, toVarResult, type VarResult } from './tail.ts';

export interface MonteCarloVarOptions {
  confidence: number;
  /** Number of simulated paths, at least 100. */
  paths: number;
  /** Integer seed: the same seed gives the same figure. */
  seed: number;
  /** Trading days; 1 by default. Each path draws h-day returns ~ N(μ·h, Σ·h). */
  horizonDays?: number;
  /** Centre returns on their sample means; false (zero mean) by default, as in parametricVar. */
  includeMean?: boolean;
  /** Daily covariance of the book's returns; estimated from the book when omitted. */
  covariance?: SquareMatrix;
}

/**
 * Monte Carlo VaR and expected shortfall: asset returns drawn from a multivariate normal with
 * the sample covariance (correlated through its Cholesky factor L, seeded), the book revalued
 * on each path. For a linear book a path's P&L is eᵀ·L·z = (Lᵀe)·z, so L is applied once to the
 * exposures and each path costs one dot product with the same draws.
 *
 * @example
 * monteCarloVar(book, { confidence: 0.99, paths: 10_000, seed: 42 }).valueAtRisk;
 */
export function monteCarloVar(book: RiskBook, options: MonteCarloVarOptions): VarResult {
  if (!Number.isInteger(options.paths) || options.paths < 100) {
    throw new DeskError('invalid_input', `paths must be an integer ≥ 100 (got ${options.paths})`, { field: 'paths' });
  }
  const horizonDays = requireHorizon(options.horizonDays ?? 1);
  const covariance = options.covariance ?? covarianceMatrix(book.returns);
  if (covariance.size !== book.symbols.length) {
    throw new DeskError('invalid_input', `covariance is ${covariance.size}×${covariance.size} but the book holds ${book.symbols.length} symbols`, { field: 'covariance' });
  }
  const loadings = transposedProduct(choleskyFactor(covariance), book.exposures);
  const drift = options.includeMean === true ? meanDailyPnl(book) * horizonDays : 0;
  const spread = Math.sqrt(horizonDays);
  const normal = createStandardNormal(createRng(options.seed));
  const pnl = new Float64Array(options.paths);
  for (let path = 0; path < options.paths; path++) {
    let sum = 0;
    for (let factor = 0; factor < loadings.length; factor++) sum += loadings[factor] * normal();
    pnl[path] = drift + spread * sum;
  }
  return toVarResult('monte-carlo', lossTail(pnl, options.confidence), {
    confidence: options.confidence,
    horizonDays,
    portfolioValue: book.portfolioValue,
    scenarios: options.paths,
  });
}

/** Lᵀ·e for lower-triangular L: entry j is Σ over rows i ≥ j of L[i][j]·e[i]. */
function transposedProduct(lower: SquareMatrix, exposures: Float64Array): Float64Array {
  const { size, values } = lower;
  const result = new Float64Array(size);
  for (let row = 0; row < size; row++) {
    const exposure = exposures[row];
    for (let column = 0; column <= row; column++) result[column] += values[row * size + column] * exposure;
  }
  return result;
}
