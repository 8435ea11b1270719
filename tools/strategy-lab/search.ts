import { DeskError, type MetricConstraint, type SearchMethod, type SearchObjective, type StrategySpec } from '../../core/index.ts';
import { createRng } from '../market/index.ts';
import type { Evaluate } from './evaluator.ts';
import { geneticSteps, geneticTotal, type GeneticOptions } from './genetic.ts';
import { EvaluationBook, randomCandidate } from './book.ts';
import { compareEvaluations, type Evaluation } from './ranking.ts';
import { gridCandidates, resolveSpace, type SpaceOptions } from './space.ts';
import { runSteps, type Progress, type Steps } from './steps.ts';

export interface SearchOptions extends SpaceOptions {
  method: SearchMethod;
  objective: SearchObjective;
  /** Bounds a set must meet to be ranked, e.g. [{ metric: 'maxDrawdown', op: 'lt', value: 0.2 }]. */
  constraints?: MetricConstraint[];
  /** Seed of random and genetic search. Default 1. */
  seed?: number;
  /** Random search: how many sets to draw. Default 100. */
  samples?: number;
  /** Most backtests a search may run (a grid larger than this is refused). Default 10,000. */
  maxEvaluations?: number;
  genetic?: GeneticOptions;
}

export interface SearchResult {
  method: SearchMethod;
  objective: SearchObjective;
  constraints: MetricConstraint[];
  /** Distinct parameter sets backtested (a set met twice is run once). */
  evaluated: number;
  /** The top feasible set, or null when none is feasible. */
  best: Evaluation | null;
  /** Feasible sets, best first. */
  ranked: Evaluation[];
  /** Sets that broke a constraint or could not run, with the reasons, fewest violations first. */
  infeasible: Evaluation[];
  /** Every evaluated set, in the order it was first evaluated. */
  evaluations: Evaluation[];
}

/**
 * Parameter search as Steps (one step per parameter set considered). Grid walks every combination
 * of the space; random draws `samples` sets with a seeded generator; genetic evolves a population
 * (see geneticSteps). The same seed gives the same result.
 *
 * @example const result = runSteps(searchSteps(evaluate, spec, { method: 'grid', objective: { metric: 'sharpe', direction: 'maximize' } }));
 */
export function* searchSteps(evaluate: Evaluate, spec: StrategySpec, options: SearchOptions): Steps<SearchResult> {
  const space = resolveSpace(spec, options);
  const constraints = options.constraints ?? [];
  const limit = positiveInteger(options.maxEvaluations ?? 10_000, 'maxEvaluations');
  const book = new EvaluationBook(evaluate, options.objective, constraints);
  if (options.method === 'grid') {
    const candidates = gridCandidates(space, positiveInteger(options.gridPoints ?? 5, 'gridPoints'), limit);
    for (let index = 0; index < candidates.length; index++) {
      book.judge(candidates[index]);
      yield { done: index + 1, total: candidates.length };
    }
  } else if (options.method === 'random') {
    const samples = positiveInteger(options.samples ?? 100, 'samples');
    if (samples > limit) throw new DeskError('invalid_input', `samples (${samples}) must not exceed maxEvaluations (${limit})`, { field: 'samples' });
    const random = createRng(options.seed ?? 1);
    for (let index = 0; index < samples; index++) {
      book.judge(randomCandidate(space, random));
      yield { done: index + 1, total: samples };
    }
  } else {
    yield* geneticSteps(space, book, options.objective.direction, { ...options.genetic, seed: options.seed ?? 1, limit });
  }
  return searchResult(options, constraints, book.evaluations);
}

/**
 * searchSteps run to the end.
 * @example searchParameters(evaluate, spec, { method: 'random', samples: 50, seed: 7, objective: { metric: 'totalReturn', direction: 'maximize' } }).best?.params
 */
export function searchParameters(evaluate: Evaluate, spec: StrategySpec, options: SearchOptions, onProgress?: (progress: Progress) => void): SearchResult {
  return runSteps(searchSteps(evaluate, spec, options), onProgress);
}

/**
 * How many steps searchSteps will take with these options (grid size, samples, or the genetic
 * algorithm's children), for progress over several searches.
 */
export function searchTotal(spec: StrategySpec, options: SearchOptions): number {
  const limit = positiveInteger(options.maxEvaluations ?? 10_000, 'maxEvaluations');
  if (options.method === 'grid') return gridCandidates(resolveSpace(spec, options), positiveInteger(options.gridPoints ?? 5, 'gridPoints'), limit).length;
  if (options.method === 'random') return positiveInteger(options.samples ?? 100, 'samples');
  return geneticTotal(options.genetic ?? {});
}

function searchResult(options: SearchOptions, constraints: MetricConstraint[], evaluations: Evaluation[]): SearchResult {
  const order = compareEvaluations(options.objective.direction);
  const ranked = evaluations.filter((evaluation) => evaluation.feasible).sort(order);
  const infeasible = evaluations.filter((evaluation) => !evaluation.feasible).sort(order);
  return { method: options.method, objective: options.objective, constraints, evaluated: evaluations.length, best: ranked[0] ?? null, ranked, infeasible, evaluations };
}

/** `value` if it is an integer >= 1, else DeskError('invalid_input') naming `field`. */
export function positiveInteger(value: number, field: string): number {
  if (!(Number.isInteger(value) && value >= 1)) throw new DeskError('invalid_input', `${field} must be an integer >= 1 (got ${value})`, { field });
  return value;
}
