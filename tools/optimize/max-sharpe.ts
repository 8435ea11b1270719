import { DeskError } from '../../core/index.ts';
import { portfolioConstraints } from './constraints.ts';
import { finish, validate, type MeanVarianceInput, type OptimizedPortfolio } from './mean-variance.ts';
import { solveQp } from './qp.ts';

/**
 * The tangency portfolio: highest (μ - rf)ᵀw / √(wᵀΣw) within the constraints. Solved as a QP
 * by the standard change of variables (PyPortfolioOpt's): y = k w with k ≥ 0, minimize yᵀΣy
 * (+ γ‖y‖²) subject to (μ - rf)ᵀy = 1, Σy = k and every constraint scaled by k; then w = y / k.
 *
 * @example
 * maxSharpe({ tickers: ['A', 'B'], expectedReturns: [0.1, 0.2], covariance: [[0.04, 0], [0, 0.09]], riskFreeRate: 0 }).weights;
 * // { A: 0.52941, B: 0.47059 }
 */
export function maxSharpe(input: MeanVarianceInput): OptimizedPortfolio {
  validate(input);
  const riskFreeRate = input.riskFreeRate ?? 0.02;
  const size = input.tickers.length;
  const excess = input.expectedReturns.map((value) => value - riskFreeRate);
  if (!excess.some((value) => value > 0)) {
    throw new DeskError('invalid_input', `at least one expected return must exceed the risk-free rate ${riskFreeRate} for a max-Sharpe portfolio`, { field: 'expectedReturns' });
  }
  const gamma = input.gamma ?? 0;
  const quadratic = Array.from({ length: size + 1 }, (_, row) =>
    Array.from({ length: size + 1 }, (__, column) => (row < size && column < size ? 2 * input.covariance[row][column] + (row === column ? 2 * gamma : 0) : 0)),
  );
  const constraints: number[][] = [[...excess, 0], [...input.tickers.map(() => 1), -1], [...new Array<number>(size).fill(0), 1]];
  const lower = [1, 0, 0];
  const upper = [1, 0, Infinity];
  const rows = portfolioConstraints(input.tickers, input);
  // Long-only with Σy = k already implies yᵢ ≤ k, so an upper bound of 1 adds nothing.
  const longOnly = rows.slice(0, size).every((row) => row.lower >= 0);
  for (const [index, row] of rows.entries()) {
    if (Number.isFinite(row.lower)) {
      constraints.push([...row.coefficients, -row.lower]);
      lower.push(0);
      upper.push(Infinity);
    }
    if (Number.isFinite(row.upper) && !(index < size && longOnly && row.upper >= 1)) {
      constraints.push([...row.coefficients, -row.upper]);
      lower.push(-Infinity);
      upper.push(0);
    }
  }
  const solution = solveQp({ quadratic, linear: new Array<number>(size + 1).fill(0), constraints, lower, upper });
  const scale = solution.x[size];
  if (!(scale > 0)) throw new DeskError('invalid_input', 'no fully invested portfolio within the constraints has a return above the risk-free rate', { field: 'expectedReturns' });
  return finish(input, solution.x.slice(0, size).map((value) => value / scale));
}
