import { DeskError, type SearchObjective } from '../../core/index.ts';
import { createRng, createStandardNormal } from '../market/index.ts';
import type { StrategyParams } from '../strategy/index.ts';
import { compareEvaluations, type Evaluation } from './ranking.ts';
import { randomCandidate, type EvaluationBook } from './book.ts';
import { mutateValue, type ParameterSpace } from './space.ts';
import type { Steps } from './steps.ts';

export interface GeneticOptions {
  /** Sets per generation. Default 24. */
  population?: number;
  /** Generations, the first one random. Default 12. */
  generations?: number;
  /** Best sets carried unchanged into the next generation. Default 2. */
  elite?: number;
  /** Chance that a child mixes two parents (uniform crossover) rather than copying one. Default 0.9. */
  crossoverRate?: number;
  /** Chance that each parameter of a child is mutated. Default 0.2. */
  mutationRate?: number;
  /** Sets drawn per tournament when picking a parent. Default 3. */
  tournament?: number;
}

/**
 * A seeded genetic algorithm: a random first generation; then each generation keeps its `elite`
 * best sets and breeds the rest from parents picked by tournament (the best of `tournament`
 * random members), mixed by uniform crossover and mutated per parameter (a move of about a tenth
 * of the range, at least one step; integer and stepped parameters stay on their values).
 * Fitness follows compareEvaluations, so infeasible sets lose to feasible ones. One step per child.
 */
export function* geneticSteps(space: ParameterSpace, book: EvaluationBook, direction: SearchObjective['direction'], options: GeneticOptions & { seed: number; limit: number }): Steps<void> {
  const settings = geneticSettings(options);
  const total = geneticTotal(settings);
  if (total > options.limit) throw new DeskError('invalid_input', `genetic: population and generations ask for ${total} evaluations, more than maxEvaluations (${options.limit})`, { field: 'genetic' });
  const random = createRng(options.seed);
  const normal = createStandardNormal(random);
  const order = compareEvaluations(direction);
  let done = 0;
  let population: Evaluation[] = [];
  for (let index = 0; index < settings.population; index++) {
    population.push(book.judge(randomCandidate(space, random)));
    yield { done: ++done, total };
  }
  for (let generation = 1; generation < settings.generations; generation++) {
    const sorted = [...population].sort(order);
    const next = sorted.slice(0, settings.elite);
    while (next.length < settings.population) {
      const mother = tournament(sorted, settings.tournament, random, order);
      const father = tournament(sorted, settings.tournament, random, order);
      const child: StrategyParams = { ...space.fixed };
      const mix = random() < settings.crossoverRate;
      for (const entry of space.dimensions) {
        let value = mix && random() < 0.5 ? father.params[entry.name] : mother.params[entry.name];
        if (random() < settings.mutationRate) value = mutateValue(entry, value, normal);
        child[entry.name] = value;
      }
      next.push(book.judge(child));
      yield { done: ++done, total };
    }
    population = next;
  }
}

/** Children evaluated: a first generation of `population`, then `population - elite` per generation. */
export function geneticTotal(options: GeneticOptions): number {
  const settings = geneticSettings(options);
  return settings.population + (settings.generations - 1) * (settings.population - settings.elite);
}

function tournament(members: Evaluation[], size: number, random: () => number, order: (left: Evaluation, right: Evaluation) => number): Evaluation {
  let best = members[Math.floor(random() * members.length)];
  for (let draw = 1; draw < size; draw++) {
    const challenger = members[Math.floor(random() * members.length)];
    if (order(challenger, best) < 0) best = challenger;
  }
  return best;
}

function geneticSettings(options: GeneticOptions) {
  const settings = {
    population: options.population ?? 24, generations: options.generations ?? 12, elite: options.elite ?? 2,
    crossoverRate: options.crossoverRate ?? 0.9, mutationRate: options.mutationRate ?? 0.2, tournament: options.tournament ?? 3,
  };
  const integerAtLeast = (field: keyof typeof settings, minimum: number) => {
    if (!(Number.isInteger(settings[field]) && settings[field] >= minimum)) throw new DeskError('invalid_input', `genetic.${field} must be an integer >= ${minimum} (got ${settings[field]})`, { field: `genetic.${field}` });
  };
  integerAtLeast('population', 2);
  integerAtLeast('generations', 1);
  integerAtLeast('elite', 0);
  integerAtLeast('tournament', 1);
  if (settings.elite >= settings.population) throw new DeskError('invalid_input', `genetic.elite (${settings.elite}) must be smaller than genetic.population (${settings.population})`, { field: 'genetic.elite' });
  for (const field of ['crossoverRate', 'mutationRate'] as const) {
    if (!(settings[field] >= 0 && settings[field] <= 1)) throw new DeskError('invalid_input', `genetic.${field} must be a fraction in [0, 1] (got ${settings[field]})`, { field: `genetic.${field}` });
  }
  return settings;
}
