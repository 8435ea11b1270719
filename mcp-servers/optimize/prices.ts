import { z } from 'zod';
import { DeskError, PriceTableSchema, SymbolSchema, parseWith, type MarketDataStore, type PriceTableInput } from '../../core/index.ts';
import { lastYearsRange } from '../../tools/market/index.ts';

/** Input fields naming the prices: stored symbols over the last `years`, or an explicit wide table. */
export const pricesInput = {
  symbols: z.array(SymbolSchema).min(1).max(50).optional().describe('Stored tickers to use, e.g. ["AAPL","MSFT","SPY"]'),
  years: z.number().positive().max(50).optional().describe('With symbols: the last N years of stored closes (default 3)'),
  prices: PriceTableSchema.optional().describe('Instead of symbols: a wide table {dates, tickers, prices[date][ticker]}, null where an asset has no price'),
};

/**
 * The wide price table a tool works on: the explicit table when given, else the stored closes
 * of `symbols` over the last `years` on the union of their dates (null where a symbol has no bar).
 *
 * @example
 * await resolvePriceTable(bars, { symbols: ['AAPL', 'MSFT'], years: 3 }); // { dates, tickers, prices }
 */
export async function resolvePriceTable(bars: MarketDataStore, input: { symbols?: string[]; years?: number; prices?: PriceTableInput }): Promise<PriceTableInput> {
  if (input.prices && input.symbols) throw new DeskError('invalid_input', 'give either symbols (stored prices) or prices (a wide table), not both', { field: 'prices' });
  if (input.prices) return parseWith(PriceTableSchema, input.prices, 'prices');
  if (!input.symbols) throw new DeskError('invalid_input', 'give symbols (e.g. ["AAPL","MSFT"]) or prices (a wide table)', { field: 'symbols' });
  return storedPriceTable(bars, input.symbols, input.years ?? 3);
}

/**
 * Closes of stored bars as a wide table on a shared calendar: every date any symbol traded in
 * the window, the last `years` before the latest bar of any of them.
 *
 * @example
 * await storedPriceTable(bars, ['AAPL', 'SPY'], 1); // ~252 rows, 2 columns
 */
export async function storedPriceTable(bars: MarketDataStore, symbols: string[], years: number): Promise<PriceTableInput> {
  const tickers = [...new Set(symbols)];
  const all = await Promise.all(tickers.map((symbol) => bars.getBars(symbol)));
  const latest = all.reduce((best, series) => (series.dates.length > 0 && series.dates[series.dates.length - 1] > best.dates[best.dates.length - 1] ? series : best));
  const { from } = lastYearsRange(latest, years);
  const closes = all.map((series) => new Map(series.dates.map((date, index) => [date, series.close[index]] as const).filter(([date]) => date >= from)));
  const dates = [...new Set(closes.flatMap((byDate) => [...byDate.keys()]))].sort();
  if (dates.length < 2) throw new DeskError('insufficient_data', `fewer than 2 stored dates for ${tickers.join(', ')} in the last ${years} years`, { field: 'symbols' });
  return { dates, tickers, prices: dates.map((date) => closes.map((byDate) => byDate.get(date) ?? null)) };
}

/**
 * The latest stored close of each symbol; not_found for a symbol without bars.
 *
 * @example
 * await latestCloses(bars, ['AAPL']); // { AAPL: 271.3 }
 */
export async function latestCloses(bars: MarketDataStore, symbols: string[]): Promise<Record<string, number>> {
  const entries = await Promise.all(
    [...new Set(symbols)].map(async (symbol) => {
      const latest = await bars.latestClose(symbol);
      if (!latest) throw new DeskError('not_found', `no market price for symbol ${symbol}: it has no stored bars`, { field: 'symbol', symbol });
      return [symbol, latest.close] as const;
    }),
  );
  return Object.fromEntries(entries);
}
