import { z } from 'zod';
import { IsoDateSchema, SymbolSchema } from './common.ts';

/** Parameters of the SMA/EMA crossover backtest (the walking-skeleton strategy). */
export const CrossoverParamsSchema = z
  .object({
    fast: z.number().int().min(1).max(1000),
    slow: z.number().int().min(2).max(2000),
    average: z.enum(['sma', 'ema']).default('sma'),
  })
  .refine((params) => params.fast < params.slow, { message: 'fast must be shorter than slow', path: ['fast'] });
export type CrossoverParams = z.infer<typeof CrossoverParamsSchema>;

/** Execution assumptions shared by backtests. commissionRate is a fraction of traded value (0.001 = 0.1%). */
export const BacktestSettingsSchema = z.object({
  initialCash: z.number().positive().max(1e12).default(100_000),
  commissionRate: z.number().min(0).max(0.1).default(0.001),
});
export type BacktestSettings = z.infer<typeof BacktestSettingsSchema>;

/** Performance figures. Returns and drawdown are fractions (0.1234 = 12.34%); maxDrawdown is >= 0. */
export const BacktestMetricsSchema = z.object({
  totalReturn: z.number(),
  annualizedReturn: z.number(),
  annualizedVolatility: z.number(),
  sharpe: z.number(),
  maxDrawdown: z.number(),
  trades: z.number().int().nonnegative(),
  winRate: z.number(),
  exposure: z.number(),
  finalEquity: z.number(),
});
export type BacktestMetrics = z.infer<typeof BacktestMetricsSchema>;

export const BacktestTradeSchema = z.object({
  entryDate: IsoDateSchema,
  entryPrice: z.number(),
  exitDate: IsoDateSchema.nullable(),
  exitPrice: z.number().nullable(),
  quantity: z.number(),
  pnl: z.number(),
  returnPct: z.number(),
});
export type BacktestTrade = z.infer<typeof BacktestTradeSchema>;

export const BacktestResultSchema = z.object({
  symbol: SymbolSchema,
  strategy: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  from: IsoDateSchema,
  to: IsoDateSchema,
  bars: z.number().int().nonnegative(),
  settings: BacktestSettingsSchema,
  metrics: BacktestMetricsSchema,
  trades: z.array(BacktestTradeSchema),
  equityCurve: z.object({ dates: z.array(IsoDateSchema), equity: z.array(z.number()) }),
});
export type BacktestResult = z.infer<typeof BacktestResultSchema>;
