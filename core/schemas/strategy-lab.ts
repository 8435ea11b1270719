import { z } from 'zod';
import { BacktestMetricsSchema } from './backtest.ts';
import { StrategySpecSchema } from './strategy.ts';

/*
 * Shapes of parameter search, walk-forward and strategy comparison requests: shared by the
 * strategy lab (tools/strategy-lab), the backtest MCP tools and the CLI.
 */

/** Any metric a backtest reports (totalReturn, sharpe, maxDrawdown, trades, ...). */
/** The numeric metrics a search can optimize or constrain (the benchmark comparison is an object, not one). */
export const MetricNameSchema = z.enum([
  'totalReturn', 'annualizedReturn', 'annualizedVolatility', 'sharpe', 'maxDrawdown', 'trades', 'winRate', 'exposure', 'finalEquity',
  'sortino', 'calmar', 'maxDrawdownBars', 'profitFactor', 'averageTrade', 'turnover',
]);
export type MetricName = z.infer<typeof MetricNameSchema>;

/** A metric's value as a number: NaN when the result does not carry it (e.g. profitFactor without a losing trade). */
export function metricValue(metrics: z.infer<typeof BacktestMetricsSchema>, name: MetricName): number {
  const value = metrics[name];
  return typeof value === 'number' ? value : Number.NaN;
}

/** What a search optimises: one metric, maximised or minimised. */
export const SearchObjectiveSchema = z.object({
  metric: MetricNameSchema,
  direction: z.enum(['maximize', 'minimize']).default('maximize'),
});
export type SearchObjective = z.infer<typeof SearchObjectiveSchema>;

/** A bound a parameter set must meet to count as feasible, e.g. { metric: 'maxDrawdown', op: 'lt', value: 0.2 }. */
export const MetricConstraintSchema = z.object({
  metric: MetricNameSchema,
  op: z.enum(['lt', 'lte', 'gt', 'gte']),
  value: z.number().refine(Number.isFinite, 'must be a finite number'),
});
export type MetricConstraint = z.infer<typeof MetricConstraintSchema>;

/**
 * The values one parameter may take in a search: an explicit list, or [min, max] with an
 * optional step (without a step a grid takes `gridPoints` evenly spaced values).
 */
export const ParameterRangeSchema = z.union([
  z.object({ values: z.array(z.number().refine(Number.isFinite, 'must be a finite number')).min(1, 'must list at least one value') }).strict(),
  z.object({ min: z.number(), max: z.number(), step: z.number().positive('must be > 0').optional() }).strict()
    .refine((range) => range.min <= range.max, { message: 'min must be <= max', path: ['min'] }),
], { error: 'must be { "values": [..] } or { "min": a, "max": b, "step"?: s }' });
export type ParameterRange = z.infer<typeof ParameterRangeSchema>;

export const SEARCH_METHODS = ['grid', 'random', 'genetic'] as const;
export type SearchMethod = (typeof SEARCH_METHODS)[number];

/** A stored strategy version: the spec, its content hash and lineage. */
export const StrategyVersionSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int().positive(),
  parentId: z.string().nullable(),
  specHash: z.string().regex(/^[0-9a-f]{64}$/),
  author: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  spec: StrategySpecSchema,
});
export type StrategyVersion = z.infer<typeof StrategyVersionSchema>;
