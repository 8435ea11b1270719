import { DeskError } from '../../core/index.ts';
import { portfolioConstraints, type LinearConstraint, type SectorConstraints, type WeightBounds } from './constraints.ts';
import type { Matrix } from './linalg.ts';
import { cleanWeights, portfolioPerformance, type Performance } from './portfolio.ts';
import { solveQp, type QuadraticProgram } from './qp.ts';
import { requireCovariance, requireFiniteVector } from './validate.ts';

/** Inputs shared by the mean-variance optimizers (annualized μ and Σ in ticker order). */
export type MeanVarianceInput = {
  tickers: string[];
  expectedReturns: number[];
  covariance: Matrix;
  /** Default long-only [0, 1]; e.g. [-1, 1] for long/short, or one pair per ticker. */
  weightBounds?: WeightBounds;
  /** L2 regularization γ‖w‖² added to the objective (PyPortfolioOpt's L2_reg); default 0. */
  gamma?: number;
  sectors?: SectorConstraints;
  /** For the reported Sharpe ratio (and the max-Sharpe objective); default 0.02. */
  riskFreeRate?: number;
};

/** Cleaned weights by ticker, the raw solver weights, and the portfolio's performance. */
export type OptimizedPortfolio = Performance & { weights: Record<string, number>; rawWeights: number[] };

/**
 * The fully invested portfolio of least variance wᵀΣw (+ γ‖w‖²) within the constraints.
 *
 * @example
 * minVolatility({ tickers: ['A', 'B'], expectedReturns: [0.1, 0.2], covariance: [[0.04, 0], [0, 0.09]] }).weights;
 * // { A: 0.69231, B: 0.30769 }
 */
export function minVolatility(input: MeanVarianceInput): OptimizedPortfolio {
  return finish(input, solveBudgeted(input, varianceProblem(input)));
}

/**
 * The least-variance portfolio whose expected return is at least `targetReturn`.
 *
 * @example
 * efficientReturn(input, 0.15).expectedReturn; // 0.15 when the target binds
 */
export function efficientReturn(input: MeanVarianceInput, targetReturn: number): OptimizedPortfolio {
  validate(input);
  const best = solveBudgeted(input, { quadratic: zeros(input.tickers.length), linear: input.expectedReturns.map((value) => -value) });
  const maxReturn = best.reduce((sum, weight, index) => sum + weight * input.expectedReturns[index], 0);
  if (!Number.isFinite(targetReturn) || targetReturn > maxReturn + 1e-9) {
    throw new DeskError('invalid_input', `targetReturn must be at most the highest achievable return ${maxReturn.toFixed(6)} (got ${targetReturn})`, { field: 'targetReturn' });
  }
  const extra = { coefficients: input.expectedReturns, lower: targetReturn, upper: Infinity };
  return finish(input, solveBudgeted(input, varianceProblem(input), [extra]));
}

/**
 * Solve min ½wᵀPw + qᵀw with Σw = 1, the bounds, the sectors and any extra rows; the shared
 * core of the optimizers here.
 *
 * @example
 * solveBudgeted(input, { quadratic: twiceCovariance, linear: zeros }); // raw weights
 */
export function solveBudgeted(input: MeanVarianceInput, objective: { quadratic: Matrix; linear: number[] }, extra: LinearConstraint[] = []): number[] {
  return solveQp(budgetedProblem(input, objective, extra)).x;
}

/**
 * The QP behind `solveBudgeted`, for callers that solve a family of them with warm starts.
 *
 * @example
 * solveQp(budgetedProblem(input, objective), { warmStart }).x;
 */
export function budgetedProblem(input: MeanVarianceInput, objective: { quadratic: Matrix; linear: number[] }, extra: LinearConstraint[] = []): QuadraticProgram {
  validate(input);
  const rows = [{ coefficients: input.tickers.map(() => 1), lower: 1, upper: 1 }, ...portfolioConstraints(input.tickers, input), ...extra];
  return { ...objective, constraints: rows.map((row) => row.coefficients), lower: rows.map((row) => row.lower), upper: rows.map((row) => row.upper) };
}

/**
 * Cleaned weights and the performance of the raw weights, the result shape of every optimizer.
 *
 * @example
 * finish(input, [0.7, 0.3]); // { weights: { A: 0.7, B: 0.3 }, rawWeights, expectedReturn, volatility, sharpe }
 */
export function finish(input: MeanVarianceInput, rawWeights: number[]): OptimizedPortfolio {
  const performance = portfolioPerformance(rawWeights, input.expectedReturns, input.covariance, input.riskFreeRate ?? 0.02);
  return { ...performance, weights: cleanWeights(input.tickers, rawWeights), rawWeights };
}

function varianceProblem(input: MeanVarianceInput): { quadratic: Matrix; linear: number[] } {
  const gamma = input.gamma ?? 0;
  return { quadratic: input.covariance.map((row, index) => row.map((value, column) => 2 * value + (index === column ? 2 * gamma : 0))), linear: input.tickers.map(() => 0) };
}

function zeros(size: number): Matrix {
  return Array.from({ length: size }, () => new Array<number>(size).fill(0));
}

/**
 * Refuse inputs whose shapes or numbers do not line up (DeskError naming the field).
 *
 * @example
 * validate({ tickers: ['A'], expectedReturns: [0.1], covariance: [[0.04]] }); // passes
 */
export function validate(input: MeanVarianceInput): void {
  const size = input.tickers.length;
  if (size === 0 || new Set(input.tickers).size !== size) throw new DeskError('invalid_input', 'tickers must be a non-empty list without duplicates', { field: 'tickers' });
  requireFiniteVector('expectedReturns', input.expectedReturns, size);
  requireCovariance(input.covariance, size);
  const gamma = input.gamma ?? 0;
  if (!Number.isFinite(gamma) || gamma < 0) throw new DeskError('invalid_number', `gamma must be a finite number >= 0 (got ${gamma})`, { field: 'gamma' });
  const riskFreeRate = input.riskFreeRate ?? 0.02;
  if (!Number.isFinite(riskFreeRate)) throw new DeskError('invalid_number', `riskFreeRate must be finite (got ${riskFreeRate})`, { field: 'riskFreeRate' });
}
