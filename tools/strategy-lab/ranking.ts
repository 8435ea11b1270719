import { isDeskError, metricValue, type BacktestMetrics, type MetricConstraint, type SearchObjective } from '../../core/index.ts';
import type { StrategyParams } from '../strategy/index.ts';
import type { Evaluate } from './evaluator.ts';

/** One evaluated parameter set. */
export interface Evaluation {
  params: StrategyParams;
  /** Null when the backtest could not run (see `error`). */
  metrics: BacktestMetrics | null;
  /** The objective metric's value, or null when the backtest could not run. */
  score: number | null;
  /** Met every constraint, and the backtest ran with a finite objective. */
  feasible: boolean;
  /** Why the set is infeasible, one line per broken constraint: "maxDrawdown 0.31 is not < 0.2". */
  violations: string[];
  /** The backtest's own refusal (e.g. insufficient_data), or null. */
  error: string | null;
}

const SYMBOLS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

/**
 * Backtest one parameter set and judge it against the objective and constraints. A DeskError
 * from the backtest (too few bars for a period, say) makes an infeasible evaluation, not a failure.
 *
 * @example judge(evaluate, { fast: 5, slow: 20 }, { metric: 'sharpe', direction: 'maximize' }, [{ metric: 'trades', op: 'gte', value: 5 }])
 */
export function judge(evaluate: Evaluate, params: StrategyParams, objective: SearchObjective, constraints: readonly MetricConstraint[]): Evaluation {
  let metrics: BacktestMetrics;
  try {
    metrics = evaluate(params).metrics;
  } catch (error) {
    if (!isDeskError(error)) throw error;
    return { params, metrics: null, score: null, feasible: false, violations: [`backtest refused: ${error.message}`], error: `${error.code}: ${error.message}` };
  }
  const score = metricValue(metrics, objective.metric);
  const violations = constraints
    .filter((constraint) => !holds(metricValue(metrics, constraint.metric), constraint))
    .map((constraint) => `${constraint.metric} ${round(metricValue(metrics, constraint.metric))} is not ${SYMBOLS[constraint.op]} ${constraint.value}`);
  if (!Number.isFinite(score)) violations.push(`${objective.metric} is not a finite number (${score})`);
  return { params, metrics, score, feasible: violations.length === 0, violations, error: null };
}

function holds(value: number, constraint: MetricConstraint): boolean {
  switch (constraint.op) {
    case 'lt': return value < constraint.value;
    case 'lte': return value <= constraint.value;
    case 'gt': return value > constraint.value;
    case 'gte': return value >= constraint.value;
  }
}

function round(value: number): number {
  return Number.parseFloat(value.toPrecision(6));
}

/**
 * Order of merit: feasible sets first, by the objective in its direction; then infeasible sets that
 * ran, fewest violations first; then sets whose backtest could not run. Ties keep input order
 * (Array.prototype.sort is stable), so rankings are deterministic.
 */
export function compareEvaluations(direction: SearchObjective['direction']): (left: Evaluation, right: Evaluation) => number {
  const sign = direction === 'maximize' ? -1 : 1;
  return (left, right) => {
    const tier = tierOf(left) - tierOf(right);
    if (tier !== 0) return tier;
    if (left.feasible) return sign * ((left.score as number) - (right.score as number));
    return left.violations.length - right.violations.length;
  };
}

function tierOf(evaluation: Evaluation): number {
  if (evaluation.feasible) return 0;
  return evaluation.metrics === null ? 2 : 1;
}
