import type { MetricConstraint, SearchObjective } from '../../core/index.ts';
import { canonicalJson, type StrategyParams } from '../strategy/index.ts';
import type { Evaluate } from './evaluator.ts';
import { judge, type Evaluation } from './ranking.ts';
import { sampleValue, type ParameterSpace } from './space.ts';

/** Evaluations so far, each distinct parameter set backtested once. */
export class EvaluationBook {
  readonly evaluations: Evaluation[] = [];
  private readonly byKey = new Map<string, Evaluation>();

  constructor(private readonly evaluate: Evaluate, private readonly objective: SearchObjective, private readonly constraints: readonly MetricConstraint[]) {}

  /** The evaluation of `params`, running the backtest only the first time. */
  judge(params: StrategyParams): Evaluation {
    const key = canonicalJson(params);
    let evaluation = this.byKey.get(key);
    if (evaluation === undefined) {
      evaluation = judge(this.evaluate, params, this.objective, this.constraints);
      this.byKey.set(key, evaluation);
      this.evaluations.push(evaluation);
    }
    return evaluation;
  }
}

/** A set with every dimension drawn uniformly and the fixed parameters as given. */
export function randomCandidate(space: ParameterSpace, random: () => number): StrategyParams {
  const candidate: StrategyParams = { ...space.fixed };
  for (const entry of space.dimensions) candidate[entry.name] = sampleValue(entry, random);
  return candidate;
}

