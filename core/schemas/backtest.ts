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
  /** Commission model; when given it replaces commissionRate (percent of value, per share with a minimum, or fixed per fill). */
  commission: z.lazy(() => CommissionModelSchema).optional(),
  /** Adverse slippage in bps, or a fraction of an assumed spread in bps. Default none. */
  slippage: z.lazy(() => SlippageModelSchema).optional(),
  /** Most of a bar's volume one order may take (0.1 = 10%); the rest stays working (GTC) or expires (day). */
  participationCap: z.number().gt(0).max(1).optional(),
  /** Market orders fill at the next bar's open (default) or at the signal bar's close. */
  fillAt: z.enum(['next-open', 'close']).optional(),
  /** Gross exposure over equity allowed after a fill (default 1: no borrowing); orders beyond it are reduced or refused. */
  maxLeverage: z.number().gt(0).max(10).optional(),
  /** Annual borrow fee on short market value, accrued each bar as rate / 252 (default 0). */
  borrowRate: z.number().min(0).max(1).optional(),
  /** Dividends and splits by symbol (see deriveCorporateActions for adjusted data). */
  corporateActions: z.record(z.string(), z.lazy(() => CorporateActionsSchema)).optional(),
});
export type BacktestSettings = z.infer<typeof BacktestSettingsSchema>;

/** Commission per fill: fraction of value, per share with a minimum (and optional cap as a fraction of value), or fixed. */
export const CommissionModelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), rate: z.number().min(0).max(0.1) }),
  z.object({ kind: z.literal('per_share'), perShare: z.number().min(0).max(10), minimum: z.number().min(0).max(10_000), maxRate: z.number().min(0).max(0.1).optional() }),
  z.object({ kind: z.literal('fixed'), amount: z.number().min(0).max(10_000) }),
]);
export const SlippageModelSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bps'), bps: z.number().min(0).max(1_000) }),
  z.object({ kind: z.literal('spread'), spreadBps: z.number().min(0).max(10_000), fraction: z.number().min(0).max(1) }),
]);
/** Cash dividends per share by ex-date and splits (ratio 2 = 2-for-1) by effective date. */
export const CorporateActionsSchema = z.object({
  dividends: z.array(z.object({ date: IsoDateSchema, amount: z.number().positive() })).default([]),
  splits: z.array(z.object({ date: IsoDateSchema, ratio: z.number().positive() })).default([]),
});
export type CorporateActions = z.infer<typeof CorporateActionsSchema>;

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
  /** Mean daily return over the root mean square of the negative ones (all days in the denominator), × √252. */
  sortino: z.number().optional(),
  /** Annualized return over max drawdown (0 without a drawdown). */
  calmar: z.number().optional(),
  /** Longest stretch under a previous equity peak, in bars (to recovery or the end). */
  maxDrawdownBars: z.number().int().nonnegative().optional(),
  /** Gross profit over gross loss of closed trades; null when no closed trade lost. */
  profitFactor: z.number().nullable().optional(),
  /** Mean net PnL of closed trades (0 without one). */
  averageTrade: z.number().optional(),
  /** Traded value (buys + sells) over mean equity, per year (× 252 / bars). */
  turnover: z.number().optional(),
  /** Buy-and-hold of the traded symbols (equal weight) over the same bars: its return, and the strategy's daily beta and annualized alpha against it. */
  benchmark: z.object({ totalReturn: z.number(), alpha: z.number(), beta: z.number() }).optional(),
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
  symbol: SymbolSchema.optional(),
  side: z.enum(['long', 'short']).optional(),
  /** Worst adverse and best favourable price move while open, as positive fractions of the entry price. */
  mae: z.number().optional(),
  mfe: z.number().optional(),
  /** Commissions paid, and dividends received minus borrow fees paid, both already in pnl. */
  commission: z.number().optional(),
  income: z.number().optional(),
});

/** One fill of an order (price after slippage). */
export const BacktestFillSchema = z.object({ date: IsoDateSchema, quantity: z.number(), price: z.number(), commission: z.number() });
export type BacktestFill = z.infer<typeof BacktestFillSchema>;

/** An order the backtest submitted and what became of it. */
export const BacktestOrderSchema = z.object({
  id: z.number().int(),
  symbol: SymbolSchema,
  side: z.enum(['buy', 'sell']),
  type: z.enum(['market', 'limit', 'stop', 'stop_limit']),
  timeInForce: z.enum(['day', 'gtc']),
  /** Why it was submitted: entry, exit, stop-loss, take-profit, trailing-stop, rebalance. */
  reason: z.string(),
  submitted: IsoDateSchema,
  quantity: z.number(),
  limitPrice: z.number().nullable(),
  stopPrice: z.number().nullable(),
  status: z.enum(['working', 'filled', 'expired', 'cancelled', 'refused']),
  filledQuantity: z.number(),
  fills: z.array(BacktestFillSchema),
  /** Why it was reduced or refused (margin limit, participation cap), when it was. */
  note: z.string().optional(),
});
export type BacktestOrder = z.infer<typeof BacktestOrderSchema>;
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
  orders: z.array(BacktestOrderSchema).optional(),
  /** Cash and positions (shares by symbol, negative short) after the last bar. */
  finalCash: z.number().optional(),
  positions: z.record(z.string(), z.number()).optional(),
  /** Every symbol of a portfolio backtest (symbol then names the first). */
  symbols: z.array(SymbolSchema).optional(),
});
export type BacktestResult = z.infer<typeof BacktestResultSchema>;
