import { z } from 'zod';
import { IsoDateSchema, SymbolSchema } from './common.ts';

/**
 * A wide price table: one row per date (oldest first), one column per ticker, null before an
 * asset listed (or on a day it has no close). Same shape as tools/optimize's `PriceTable`.
 */
export const PriceTableSchema = z
  .object({
    dates: z.array(IsoDateSchema).min(2),
    tickers: z.array(SymbolSchema).min(1),
    prices: z.array(z.array(z.number().positive().nullable())),
  })
  .superRefine((table, context) => {
    if (new Set(table.tickers).size !== table.tickers.length) context.addIssue({ code: 'custom', path: ['tickers'], message: 'tickers must not repeat' });
    if (table.prices.length !== table.dates.length) {
      context.addIssue({ code: 'custom', path: ['prices'], message: `prices must have one row per date (${table.dates.length} dates, got ${table.prices.length} rows)` });
    }
    table.prices.forEach((row, index) => {
      if (row.length !== table.tickers.length) {
        context.addIssue({ code: 'custom', path: ['prices', index], message: `each row must have one price per ticker (${table.tickers.length}, got ${row.length})` });
      }
    });
  });
export type PriceTableInput = z.infer<typeof PriceTableSchema>;

/** What an optimizer maximizes or minimizes. */
export const OptimizationObjectiveSchema = z.enum(['max-sharpe', 'min-volatility', 'efficient-risk', 'efficient-return', 'hrp', 'risk-parity', 'min-cvar']);
export type OptimizationObjective = z.infer<typeof OptimizationObjectiveSchema>;

/** Expected returns: arithmetic mean, compounded (CAGR), exponentially weighted, or CAPM. */
export const ExpectedReturnsMethodSchema = z.enum(['mean', 'cagr', 'ema', 'capm']);
export type ExpectedReturnsMethod = z.infer<typeof ExpectedReturnsMethodSchema>;

/** Covariance estimator: sample, Ledoit-Wolf shrinkage, or exponentially weighted. */
export const RiskModelSchema = z.enum(['sample', 'ledoit-wolf', 'exp']);
export type RiskModel = z.infer<typeof RiskModelSchema>;

/** Per-asset weight bounds [lower, upper]; [0, 1] is long-only, [-1, 1] allows shorts. */
export const WeightBoundsSchema = z.tuple([z.number().min(-1), z.number().max(1)]).refine(([lower, upper]) => lower <= upper, 'bounds must have lower <= upper');

/** How to optimize: the objective, the estimators, the bounds, rf and an efficient-* target. */
export const OptimizationOptionsSchema = z
  .object({
    objective: OptimizationObjectiveSchema,
    returns: ExpectedReturnsMethodSchema.default('mean'),
    riskModel: RiskModelSchema.default('sample'),
    bounds: WeightBoundsSchema.default([0, 1]),
    riskFreeRate: z.number().min(-1).max(1).default(0.02),
    /** Annual volatility for efficient-risk, annual return for efficient-return (and optional min-cvar target return). */
    target: z.number().finite().optional(),
    /** min-cvar: CVaR confidence β, the mean loss of the worst (1 − β) of days; default 0.95. */
    beta: z.number().gt(0).lt(1).optional(),
  })
  .refine((options) => !options.objective.startsWith('efficient-') || options.target !== undefined, {
    message: 'target is required for efficient-risk (a volatility, e.g. 0.2) and efficient-return (a return, e.g. 0.15)',
    path: ['target'],
  });
export type OptimizationOptions = z.infer<typeof OptimizationOptionsSchema>;

/** An optimized portfolio: weights by ticker (fractions summing to 1) and its annual performance. */
export const OptimizedPortfolioSchema = z.object({
  weights: z.record(z.string(), z.number()),
  expectedReturn: z.number(),
  volatility: z.number().nonnegative(),
  sharpe: z.number(),
});
export type OptimizedPortfolioResult = z.infer<typeof OptimizedPortfolioSchema>;

/** Whole shares per ticker (negative = short) and the cash left over. */
export const DiscreteAllocationSchema = z.object({
  shares: z.record(z.string(), z.number().int()),
  leftover: z.number(),
});
export type DiscreteAllocationResult = z.infer<typeof DiscreteAllocationSchema>;

/** One proposed whole-share order of a rebalance; drift is current minus target weight. */
export const RebalanceOrderSchema = z.object({
  ticker: z.string(),
  side: z.enum(['buy', 'sell']),
  quantity: z.number().int().positive(),
  drift: z.number(),
});

/** Proposed rebalance orders (never placed), the cash they leave and the value they start from. */
export const RebalancePlanSchema = z.object({
  orders: z.array(RebalanceOrderSchema),
  cashAfter: z.number(),
  portfolioValue: z.number(),
});
export type RebalancePlan = z.infer<typeof RebalancePlanSchema>;

export const VarMethodSchema = z.enum(['historical', 'parametric', 'monte-carlo']);

/** VaR and expected shortfall (CVaR), losses positive, in currency and as fractions of net value. */
export const VarResultSchema = z.object({
  method: VarMethodSchema,
  confidence: z.number(),
  horizonDays: z.number().int().positive(),
  valueAtRisk: z.number(),
  expectedShortfall: z.number(),
  valueAtRiskFraction: z.number().nullable(),
  expectedShortfallFraction: z.number().nullable(),
  portfolioValue: z.number(),
  scenarios: z.number().int().nonnegative(),
});
export type VarResultShape = z.infer<typeof VarResultSchema>;

/** How much one position adds to annualized portfolio volatility (currency). */
export const RiskContributionSchema = z.object({
  symbol: z.string(),
  exposure: z.number(),
  marginal: z.number(),
  component: z.number(),
  share: z.number(),
});

/** One position revalued under a shock. */
export const StressedPositionSchema = z.object({ symbol: z.string(), marketValue: z.number(), shock: z.number(), pnl: z.number() });

/** A stress scenario's P&L per position and in total. */
export const StressResultSchema = z.object({
  positions: z.array(StressedPositionSchema),
  totalPnl: z.number(),
  totalPnlFraction: z.number().nullable(),
});
export type StressResultShape = z.infer<typeof StressResultSchema>;
