import { z } from 'zod';
import { IsoDateSchema, SymbolSchema } from './common.ts';

/** One daily bar as a row (used at the edges: CSV rows, API payloads). */
export const BarSchema = z
  .object({
    symbol: SymbolSchema,
    date: IsoDateSchema,
    open: z.number().positive(),
    high: z.number().positive(),
    low: z.number().positive(),
    close: z.number().positive(),
    adjClose: z.number().positive().optional(),
    volume: z.number().nonnegative(),
  })
  .refine((bar) => bar.low <= Math.min(bar.open, bar.close) && bar.high >= Math.max(bar.open, bar.close), {
    message: 'bar must satisfy low <= open, close <= high',
  });
export type Bar = z.infer<typeof BarSchema>;

/**
 * Bars of one symbol as columns, oldest first. Dates are YYYY-MM-DD strings (UTC);
 * numeric columns are Float64Array so indicators and backtests run without allocation per bar.
 */
export interface BarSeries {
  symbol: string;
  dates: string[];
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}

/** Summary of a symbol's stored history. */
export const SymbolInfoSchema = z.object({
  symbol: SymbolSchema,
  firstDate: IsoDateSchema,
  lastDate: IsoDateSchema,
  bars: z.number().int().nonnegative(),
  lastClose: z.number(),
});
export type SymbolInfo = z.infer<typeof SymbolInfoSchema>;

/** What a data-quality check found: errors keep a row out of an import, warnings never block. */
export const DataIssueCodeSchema = z.enum([
  'malformed_row', 'invalid_value', 'non_finite', 'ohlc_inconsistent', 'duplicate_date',
  'out_of_order', 'gap', 'repeated_bar', 'stale_series', 'split_suspected', 'no_rows',
]);
export type DataIssueCode = z.infer<typeof DataIssueCodeSchema>;

/** One data-quality finding, located by file line or by position and date in a provider's answer. */
export const DataIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: DataIssueCodeSchema,
  message: z.string(),
  line: z.number().int().positive().optional(),
  index: z.number().int().nonnegative().optional(),
  date: z.string().optional(),
});
export type DataIssue = z.infer<typeof DataIssueSchema>;

/** Daily bars with optional adjusted closes (dividends and splits), as providers deliver them. */
export type AdjustedBarSeries = BarSeries & { adjClose?: Float64Array };

/** Rows of one idempotent upsert: new dates, dates whose values changed, dates already identical. */
export const MergeCountsSchema = z.object({
  inserted: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
export type MergeCounts = z.infer<typeof MergeCountsSchema>;

/** One import of bars from a source: what was read, written and found. */
export const ImportRunSchema = z.object({
  id: z.string(),
  source: z.string(),
  symbol: SymbolSchema,
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable(),
  status: z.enum(['imported', 'refused', 'failed']),
  rowsRead: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  counts: MergeCountsSchema,
  issues: z.array(DataIssueSchema),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type ImportRun = z.infer<typeof ImportRunSchema>;
