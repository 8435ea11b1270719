import { DeskError, type BarSeries, type CorporateActions } from '../../../core/index.ts';

/**
 * Bars of one or more symbols on one shared calendar (the union of their dates). Columns are
 * per symbol and as long as the calendar; a symbol without a bar on a date has NaN there and
 * does not trade that day. Corporate actions are columns too (null when a symbol has none).
 */
export interface EngineMarket {
  dates: readonly string[];
  symbols: readonly string[];
  open: Float64Array[];
  high: Float64Array[];
  low: Float64Array[];
  close: Float64Array[];
  volume: Float64Array[];
  /** Cash dividend per share going ex at the bar's open (0 = none). */
  dividends: (Float64Array | null)[];
  /** Shares multiplier effective at the bar's open (1 = none; 2 = 2-for-1). */
  splits: (Float64Array | null)[];
  /** For each symbol, the calendar index of each of its own bars (identity for one symbol). */
  barIndex: Int32Array[];
}

/**
 * One series or several on the union of their dates, with corporate actions placed on the
 * calendar (an action on a date without a bar of that symbol is a DeskError naming it).
 *
 * @example buildMarket([apple, microsoft]).dates // every date either has, ascending
 */
export function buildMarket(seriesList: readonly BarSeries[], actions: Readonly<Record<string, CorporateActions>> = {}): EngineMarket {
  if (seriesList.length === 0) throw new DeskError('invalid_input', 'a backtest needs at least one series', { field: 'series' });
  const symbols = seriesList.map((series) => series.symbol);
  const duplicate = symbols.find((symbol, index) => symbols.indexOf(symbol) !== index);
  if (duplicate !== undefined) throw new DeskError('invalid_input', `symbol ${duplicate} appears twice`, { field: 'series', symbol: duplicate });
  const single = seriesList.length === 1;
  const dates = single ? seriesList[0].dates : unionDates(seriesList);
  const barIndex = seriesList.map((series) => (single ? identity(series.dates.length) : positions(series.dates, dates)));
  const place = (series: BarSeries, column: Float64Array, index: number) => (single ? column : scatter(column, barIndex[index], dates.length));
  return {
    dates,
    symbols,
    open: seriesList.map((series, index) => place(series, series.open, index)),
    high: seriesList.map((series, index) => place(series, series.high, index)),
    low: seriesList.map((series, index) => place(series, series.low, index)),
    close: seriesList.map((series, index) => place(series, series.close, index)),
    volume: seriesList.map((series, index) => place(series, series.volume, index)),
    dividends: seriesList.map((series) => actionColumn(series, dates, actions[series.symbol]?.dividends.map((entry) => [entry.date, entry.amount]), 0)),
    splits: seriesList.map((series) => actionColumn(series, dates, actions[series.symbol]?.splits.map((entry) => [entry.date, entry.ratio]), 1)),
    barIndex,
  };
}

function unionDates(seriesList: readonly BarSeries[]): string[] {
  const all = new Set<string>();
  for (const series of seriesList) for (const date of series.dates) all.add(date);
  return [...all].sort();
}

function identity(length: number): Int32Array {
  const result = new Int32Array(length);
  for (let index = 0; index < length; index++) result[index] = index;
  return result;
}

/** Calendar index of each of `own` dates (both ascending). */
function positions(own: readonly string[], calendar: readonly string[]): Int32Array {
  const result = new Int32Array(own.length);
  let cursor = 0;
  for (let index = 0; index < own.length; index++) {
    while (calendar[cursor] !== own[index]) cursor++;
    result[index] = cursor;
  }
  return result;
}

/** A column on the calendar: values at their bars, NaN elsewhere. */
export function scatter(column: ArrayLike<number>, at: Int32Array, length: number, fill = Number.NaN): Float64Array {
  const result = new Float64Array(length).fill(fill);
  for (let index = 0; index < at.length; index++) result[at[index]] = column[index];
  return result;
}

function actionColumn(series: BarSeries, dates: readonly string[], entries: [string, number][] | undefined, neutral: number): Float64Array | null {
  if (entries === undefined || entries.length === 0) return null;
  const own = new Set(series.dates);
  const lookup = new Map<string, number>();
  dates.forEach((date, index) => lookup.set(date, index));
  const column = new Float64Array(dates.length).fill(neutral);
  for (const [date, value] of entries) {
    const index = lookup.get(date);
    if (index === undefined || !own.has(date)) {
      throw new DeskError('invalid_input', `corporate action on ${date} for ${series.symbol}: no bar of ${series.symbol} that day`, { field: 'corporateActions', date });
    }
    column[index] = neutral === 0 ? column[index] + value : column[index] * value;
  }
  return column;
}
