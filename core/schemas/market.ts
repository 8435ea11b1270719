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
