import { DeskError, type BarSeries } from '../../core/index.ts';

/** Bars read from a daily CSV, with the optional columns kept. */
export interface CsvBars {
  series: BarSeries;
  adjClose: Float64Array | null;
  openInterest: Float64Array | null;
}

const REQUIRED = ['date', 'open', 'high', 'low', 'close', 'volume'] as const;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Read a daily OHLCV CSV for `desk backtest`: columns found by name, case-insensitively, in any
 * order (Date, Open, High, Low, Close, Volume; optional Adj Close / AdjClose / Adj_Close and
 * OpenInterest / Open Interest). Rows may come in either date order; a repeated date, a missing
 * column, or a cell that is not a number > 0 (volume and open interest >= 0) is a
 * DeskError('parse_error') naming the line and column.
 *
 * @example readBarsCsv('Date,Open,High,Low,Close,Volume\n2025-01-02,10,11,9,10.5,1000\n', 'ACME').series.close // [10.5]
 */
export function readBarsCsv(text: string, symbol: string, source = 'csv'): CsvBars {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const header = (lines[0] ?? '').split(',').map((name) => name.trim().toLowerCase().replace(/[\s_]+/g, ''));
  const column = (names: string[]) => header.findIndex((name) => names.includes(name));
  const at = Object.fromEntries(REQUIRED.map((name) => [name, column([name])])) as Record<(typeof REQUIRED)[number], number>;
  const missing = REQUIRED.filter((name) => at[name] < 0);
  if (missing.length > 0) throw new DeskError('parse_error', `${source}:1: missing column(s) ${missing.join(', ')} (header: ${lines[0] ?? ''})`, { line: 1, missing });
  const adjAt = column(['adjclose']);
  const interestAt = column(['openinterest']);
  const count = lines.length - 1;
  if (count < 1) throw new DeskError('parse_error', `${source}: a header but no rows`, { line: 2 });
  const dates = new Array<string>(count);
  const columns = { open: new Float64Array(count), high: new Float64Array(count), low: new Float64Array(count), close: new Float64Array(count), volume: new Float64Array(count) };
  const adjClose = adjAt >= 0 ? new Float64Array(count) : null;
  const openInterest = interestAt >= 0 ? new Float64Array(count) : null;
  for (let row = 0; row < count; row++) {
    const line = row + 2;
    const cells = lines[row + 1].split(',');
    const date = (cells[at.date] ?? '').trim();
    if (!DATE_PATTERN.test(date)) throw new DeskError('parse_error', `${source}:${line}: column Date: "${date}" is not a date as YYYY-MM-DD`, { line, column: 'Date' });
    dates[row] = date;
    for (const name of ['open', 'high', 'low', 'close'] as const) columns[name][row] = cell(cells, at[name], name, line, source, true);
    columns.volume[row] = cell(cells, at.volume, 'volume', line, source, false);
    if (adjClose) adjClose[row] = cell(cells, adjAt, 'adj close', line, source, true);
    if (openInterest) openInterest[row] = cell(cells, interestAt, 'open interest', line, source, false);
  }
  return orderByDate({ series: { symbol, dates, ...columns }, adjClose, openInterest }, source);
}

function cell(cells: string[], index: number, name: string, line: number, source: string, positive: boolean): number {
  const text = (cells[index] ?? '').trim();
  const value = text === '' ? Number.NaN : Number(text);
  if (!(positive ? value > 0 : value >= 0) || !Number.isFinite(value)) {
    throw new DeskError('parse_error', `${source}:${line}: column ${name}: "${text}" is not a number ${positive ? '> 0' : '>= 0'}`, { line, column: name });
  }
  return value;
}

/** Oldest first; repeated dates refused. */
function orderByDate(bars: CsvBars, source: string): CsvBars {
  const { dates } = bars.series;
  let ascending = true;
  for (let index = 1; index < dates.length; index++) if (dates[index] <= dates[index - 1]) ascending = false;
  if (ascending) return bars;
  const order = dates.map((_date, index) => index).sort((left, right) => (dates[left] < dates[right] ? -1 : dates[left] > dates[right] ? 1 : left - right));
  for (let index = 1; index < order.length; index++) {
    if (dates[order[index]] === dates[order[index - 1]]) throw new DeskError('parse_error', `${source}:${order[index] + 2}: date ${dates[order[index]]} repeats line ${order[index - 1] + 2}`, { line: order[index] + 2 });
  }
  const pick = (values: Float64Array) => Float64Array.from(order, (index) => values[index]);
  const { series } = bars;
  return {
    series: { symbol: series.symbol, dates: order.map((index) => dates[index]), open: pick(series.open), high: pick(series.high), low: pick(series.low), close: pick(series.close), volume: pick(series.volume) },
    adjClose: bars.adjClose && pick(bars.adjClose),
    openInterest: bars.openInterest && pick(bars.openInterest),
  };
}

/**
 * Adjusted bars: Open, High and Low scaled by Adj Close / Close, Close replaced by Adj Close,
 * each rounded to `decimals` when given (as Yahoo-derived tools do). Needs the Adj Close column.
 *
 * @example adjustBars(bars, 2).close // Adj Close rounded to cents
 */
export function adjustBars(bars: CsvBars, decimals?: number): BarSeries {
  const { series, adjClose } = bars;
  if (adjClose === null) throw new DeskError('invalid_input', '--adjust needs an Adj Close column in the CSV', { field: 'adjust' });
  const scale = 10 ** (decimals ?? 0);
  const round = decimals === undefined ? (value: number) => value : (value: number) => Math.round(value * scale) / scale;
  const factor = (index: number) => adjClose[index] / series.close[index];
  return {
    symbol: series.symbol, dates: series.dates,
    open: series.open.map((value, index) => round(value * factor(index))),
    high: series.high.map((value, index) => round(value * factor(index))),
    low: series.low.map((value, index) => round(value * factor(index))),
    close: adjClose.map(round),
    volume: series.volume,
  };
}
