import { DeskError, SymbolSchema, type Bar, type BarSeries } from '../../core/index.ts';
import { parseIsoDate, shiftMonths } from './calendar.ts';

/** A bar row without its symbol, as stores and CSV readers produce them. */
export type BarRow = Omit<Bar, 'symbol' | 'adjClose'> & { symbol?: string };

/**
 * Column series to one object per bar (for JSON payloads and tables).
 * @example barSeriesToRows(series)[0] // { symbol: 'AAPL', date: '2016-01-01', open, high, low, close, volume }
 */
export function barSeriesToRows(series: BarSeries): Bar[] {
  return series.dates.map((date, index) => ({
    symbol: series.symbol,
    date,
    open: series.open[index],
    high: series.high[index],
    low: series.low[index],
    close: series.close[index],
    volume: series.volume[index],
  }));
}

/**
 * Rows to a column series, oldest first (rows are sorted by date); a repeated date is a
 * DeskError('invalid_input'). The symbol is normalized to upper case.
 *
 * @example barSeriesFromRows('aapl', [{ date: '2025-01-02', open: 1, high: 2, low: 1, close: 2, volume: 10 }]).symbol // 'AAPL'
 */
export function barSeriesFromRows(symbol: string, rows: readonly BarRow[]): BarSeries {
  const sorted = [...rows].sort((left, right) => (left.date < right.date ? -1 : left.date > right.date ? 1 : 0));
  for (let index = 1; index < sorted.length; index++) {
    if (sorted[index].date === sorted[index - 1].date) {
      throw new DeskError('invalid_input', `duplicate bar date ${sorted[index].date} for ${symbol}`, { field: 'date', date: sorted[index].date });
    }
  }
  return {
    symbol: normalizeSymbol(symbol),
    dates: sorted.map((row) => row.date),
    open: Float64Array.from(sorted, (row) => row.open),
    high: Float64Array.from(sorted, (row) => row.high),
    low: Float64Array.from(sorted, (row) => row.low),
    close: Float64Array.from(sorted, (row) => row.close),
    volume: Float64Array.from(sorted, (row) => row.volume),
  };
}

/**
 * Bars with from <= date <= to (either bound optional), found by binary search; the columns
 * are copies, so changing the slice never changes the source.
 *
 * @example sliceSeries(series, { from: '2025-01-01' }) // the bars of 2025 onwards
 */
export function sliceSeries(series: BarSeries, range: { from?: string; to?: string }): BarSeries {
  const start = range.from === undefined ? 0 : firstIndexAtOrAfter(series.dates, range.from);
  const end = range.to === undefined ? series.dates.length : firstIndexAfter(series.dates, range.to);
  const stop = Math.max(start, end);
  return {
    symbol: series.symbol,
    dates: series.dates.slice(start, stop),
    open: series.open.slice(start, stop),
    high: series.high.slice(start, stop),
    low: series.low.slice(start, stop),
    close: series.close.slice(start, stop),
    volume: series.volume.slice(start, stop),
  };
}

/**
 * The last `years` calendar years of a series: `to` is its last date and `from` the first bar
 * date on or after (last date minus `years`). Fractional years count whole months (0.5 = 6).
 *
 * @example lastYearsRange(series, 5) // { from: '2021-01-04', to: '2025-12-31' }
 */
export function lastYearsRange(series: BarSeries, years: number): { from: string; to: string } {
  if (!Number.isFinite(years) || years <= 0) {
    throw new DeskError('invalid_input', `years must be a number > 0 (got ${years})`, { field: 'years' });
  }
  if (series.dates.length === 0) {
    throw new DeskError('insufficient_data', `${series.symbol} has no bars`, { symbol: series.symbol });
  }
  const to = series.dates[series.dates.length - 1];
  const cutoff = shiftMonths(to, -Math.round(years * 12));
  return { from: series.dates[firstIndexAtOrAfter(series.dates, cutoff)], to };
}

/** Index of the first date >= target (dates.length when none). */
function firstIndexAtOrAfter(dates: readonly string[], target: string): number {
  parseIsoDate(target, 'from');
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dates[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first date > target (dates.length when none). */
function firstIndexAfter(dates: readonly string[], target: string): number {
  parseIsoDate(target, 'to');
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (dates[middle] <= target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function normalizeSymbol(symbol: string): string {
  const parsed = SymbolSchema.safeParse(symbol);
  if (!parsed.success) {
    throw new DeskError('invalid_input', `symbol ${JSON.stringify(symbol)} is not a valid ticker: ${parsed.error.issues[0].message}`, { field: 'symbol' });
  }
  return parsed.data;
}
