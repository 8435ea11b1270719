import { DeskError } from '../../core/index.ts';
import { budgetedProblem, finish, minVolatility, type MeanVarianceInput, type OptimizedPortfolio } from './mean-variance.ts';
import { portfolioPerformance } from './portfolio.ts';
import { solveQp, type QpSolution } from './qp.ts';

/**
 * The highest-return portfolio (less γ‖w‖²) with volatility at most `targetVolatility`. The
 * variance limit becomes a Lagrange multiplier λ on wᵀΣw; volatility falls as λ grows, so λ is
 * found by the Illinois (safeguarded regula falsi) method on log λ, each step a warm-started QP.
 *
 * @example
 * efficientRisk(input, 0.2).volatility; // 0.2 when the target binds
 */
export function efficientRisk(input: MeanVarianceInput, targetVolatility: number): OptimizedPortfolio {
  const floor = minVolatility(input);
  if (!Number.isFinite(targetVolatility) || targetVolatility < floor.volatility - 1e-9) {
    throw new DeskError('invalid_input', `targetVolatility must be at least the minimum volatility ${floor.volatility.toFixed(6)} (got ${targetVolatility})`, { field: 'targetVolatility' });
  }
  const gamma = input.gamma ?? 0;
  let previous: QpSolution | undefined;
  const excessAt = (logLambda: number) => {
    const lambda = 10 ** logLambda;
    const problem = budgetedProblem(input, {
      quadratic: input.covariance.map((row, index) => row.map((value, column) => 2 * lambda * value + (index === column ? 2 * gamma : 0))),
      linear: input.expectedReturns.map((value) => -value),
    });
    previous = solveQp(problem, previous ? { warmStart: { x: previous.x, duals: previous.duals } } : {});
    return { at: logLambda, weights: previous.x, excess: portfolioPerformance(previous.x, input.expectedReturns, input.covariance).volatility - targetVolatility };
  };
  let low = excessAt(-8);
  if (low.excess <= 0) return finish(input, low.weights);
  let high = excessAt(8);
  if (high.excess > 0) return finish(input, floor.rawWeights);
  let retained = 0;
  for (let step = 0; step < 100 && high.at - low.at > 1e-13; step++) {
    const next = excessAt((low.at * high.excess - high.at * low.excess) / (high.excess - low.excess));
    if (Math.abs(next.excess) <= 1e-10 * targetVolatility) return finish(input, next.weights);
    if (next.excess > 0) {
      low = next;
      if (retained === 1) high = { ...high, excess: high.excess / 2 };
      retained = 1;
    } else {
      high = next;
      if (retained === -1) low = { ...low, excess: low.excess / 2 };
      retained = -1;
    }
  }
  return finish(input, high.weights);
}
