import { z } from 'zod';
import { BacktestMetricsSchema, MetricConstraintSchema, ParameterRangeSchema, SEARCH_METHODS, SearchObjectiveSchema } from '../../core/index.ts';
import type { Evaluation, SearchOptions } from '../../tools/strategy-lab/index.ts';

/** Most backtests one search call may run over MCP. */
export const MAX_TOOL_EVALUATIONS = 5000;

/** The parameter search fields shared by sweep and walk_forward. */
export const searchInput = {
  method: z.enum(SEARCH_METHODS).describe('grid: every combination of the ranges; random: `samples` seeded draws; genetic: seeded evolution (population × generations)'),
  objective: SearchObjectiveSchema.describe('Metric to optimise and direction, e.g. {"metric":"sharpe","direction":"maximize"}; metrics: totalReturn, annualizedReturn, annualizedVolatility, sharpe, maxDrawdown, trades, winRate, exposure, finalEquity'),
  constraints: z.array(MetricConstraintSchema).max(10).optional().describe('Bounds a set must meet to be ranked, e.g. [{"metric":"maxDrawdown","op":"lt","value":0.2},{"metric":"trades","op":"gte","value":5}]; fractions, not percent'),
  ranges: z.record(z.string(), ParameterRangeSchema).optional().describe('Values to search per parameter, e.g. {"fast":{"min":5,"max":20,"step":5},"slow":{"values":[30,50]}}; when given only these vary. Default: every parameter over its declared range and step'),
  fixed: z.record(z.string(), z.number()).optional().describe('Values of parameters that do not vary'),
  seed: z.number().int().optional().describe('Seed of random and genetic search (default 1); the same seed gives the same result'),
  samples: z.number().int().min(1).max(MAX_TOOL_EVALUATIONS).optional().describe('Random search: sets to draw (default 100)'),
  gridPoints: z.number().int().min(1).max(50).optional().describe('Grid points for a parameter without a step (default 5)'),
  maxEvaluations: z.number().int().min(1).max(MAX_TOOL_EVALUATIONS).optional().describe(`Most backtests to run (default 2000, at most ${MAX_TOOL_EVALUATIONS}); a larger grid is refused`),
  genetic: z.object({
    population: z.number().int().min(2).max(500), generations: z.number().int().min(1).max(200), elite: z.number().int().min(0),
    crossoverRate: z.number().min(0).max(1), mutationRate: z.number().min(0).max(1), tournament: z.number().int().min(1).max(50),
  }).partial().strict().optional().describe('Genetic settings (defaults: population 24, generations 12, elite 2, crossoverRate 0.9, mutationRate 0.2, tournament 3)'),
};

type SearchFields = { [Key in keyof typeof searchInput]: z.infer<(typeof searchInput)[Key]> };

/** SearchOptions from the tool fields, capped at MAX_TOOL_EVALUATIONS. */
export function searchOptions(input: SearchFields): SearchOptions {
  return {
    method: input.method, objective: input.objective, constraints: input.constraints, ranges: input.ranges, fixed: input.fixed,
    seed: input.seed, samples: input.samples, gridPoints: input.gridPoints, maxEvaluations: input.maxEvaluations ?? 2000, genetic: input.genetic,
  };
}

export const evaluationOutput = z.object({
  params: z.record(z.string(), z.number()),
  score: z.number().nullable(),
  metrics: BacktestMetricsSchema.nullable(),
  violations: z.array(z.string()),
});

/** An evaluation as the tools report it. */
export function evaluationView(evaluation: Evaluation): z.infer<typeof evaluationOutput> {
  return { params: evaluation.params, score: evaluation.score, metrics: evaluation.metrics, violations: evaluation.violations };
}
