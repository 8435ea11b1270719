import type { AdjustedBarSeries, DataIssue } from '../../core/index.ts';
import type { BarField, CandidateBar, ColumnMap } from './csv-bars.ts';
import { barSeriesFromRows } from './series.ts';
import { seriesWarnings, type QualityOptions } from './quality.ts';

export interface ValidateBarsOptions extends QualityOptions {
  /** Header name per field, so file errors read "line 7, column Open". */
  columns?: ColumnMap;
}

export interface ValidatedBars {
  /** Rows without errors, sorted oldest first; adjClose only when every kept row has one. */
  series: AdjustedBarSeries;
  /** Errors (rows kept out, by line or index) first, then warnings (rows kept). */
  issues: DataIssue[];
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const PRICE_FIELDS = ['open', 'high', 'low', 'close'] as const;

/**
 * Normalise candidate rows into a series and report what is wrong, never dropping or inventing a
 * row silently. Errors (the row is left out): non-finite or non-positive prices, negative volume,
 * low above open/close or high below them, a date seen before. Warnings (the row is kept): rows
 * out of date order (they are sorted), gaps, repeated bars, a stale series, suspected splits.
 *
 * @example
 * const { series, issues } = validateBars('ACME', parseBarCsv(text, { format: 'yahoo' }).candidates);
 */
export function validateBars(symbol: string, candidates: readonly CandidateBar[], options: ValidateBarsOptions = {}): ValidatedBars {
  const errors: DataIssue[] = [];
  const kept: CandidateBar[] = [];
  const seen = new Map<string, CandidateBar>();
  for (const candidate of candidates) {
    const problem = rowProblem(candidate, options.columns) ?? duplicateProblem(candidate, seen.get(candidate.date), options.columns);
    if (problem) {
      errors.push(problem);
      continue;
    }
    seen.set(candidate.date, candidate);
    kept.push(candidate);
  }
  const order = orderWarning(kept);
  const series = toSeries(symbol, kept);
  return { series, issues: [...errors, ...(order ? [order] : []), ...seriesWarnings(series, options)] };
}

/**
 * A stored series as candidate rows (index = position), so stored data can be checked again.
 * @example validateBars(series.symbol, candidatesFromSeries(series), { asOf: '2026-01-05' })
 */
export function candidatesFromSeries(series: AdjustedBarSeries): CandidateBar[] {
  return series.dates.map((date, index) => ({
    index, date, open: series.open[index], high: series.high[index], low: series.low[index], close: series.close[index], volume: series.volume[index],
    ...(series.adjClose ? { adjClose: series.adjClose[index] } : {}),
  }));
}

function rowProblem(bar: CandidateBar, columns: ColumnMap | undefined): DataIssue | null {
  const fail = (field: BarField, code: DataIssue['code'], why: string) => issue(bar, columns, field, code, why);
  if (!DATE_PATTERN.test(bar.date)) return fail('date', 'invalid_value', 'expected a date as YYYY-MM-DD');
  for (const field of [...PRICE_FIELDS, 'volume', 'adjClose'] as const) {
    const value = bar[field];
    if (value === undefined) continue;
    if (!Number.isFinite(value)) return fail(field, 'non_finite', 'expected a finite number');
    if (field === 'volume' ? value < 0 : value <= 0) return fail(field, 'invalid_value', field === 'volume' ? 'expected a number >= 0' : 'expected a number > 0');
  }
  if (bar.high < Math.max(bar.open, bar.close, bar.low)) return fail('high', 'ohlc_inconsistent', 'below the open, close or low of the bar');
  if (bar.low > Math.min(bar.open, bar.close)) return fail('low', 'ohlc_inconsistent', 'above the open or close of the bar');
  return null;
}

function duplicateProblem(bar: CandidateBar, earlier: CandidateBar | undefined, columns: ColumnMap | undefined): DataIssue | null {
  if (!earlier) return null;
  const where = earlier.line !== undefined ? `line ${earlier.line}` : `row ${earlier.index}`;
  return issue(bar, columns, 'date', 'duplicate_date', `the same date is on ${where}`);
}

/** "line 7, column Open: "-3" is not valid (why)" for files; "2025-01-02 (row 4): open -3 is not valid (why)" otherwise. */
function issue(bar: CandidateBar, columns: ColumnMap | undefined, field: BarField, code: DataIssue['code'], why: string): DataIssue {
  const value = field === 'date' ? bar.date : String(bar[field]);
  const message = bar.line !== undefined
    ? `line ${bar.line}, column ${columns?.[field] ?? field}: ${JSON.stringify(value)} is not valid (${why})`
    : `${bar.date} (row ${bar.index}): ${field} ${value} is not valid (${why})`;
  return { severity: 'error', code, message, ...(bar.line !== undefined ? { line: bar.line } : {}), index: bar.index, date: bar.date };
}

function orderWarning(kept: readonly CandidateBar[]): DataIssue | null {
  const at = kept.findIndex((bar, position) => position > 0 && bar.date < kept[position - 1].date);
  if (at < 0) return null;
  const bar = kept[at];
  const where = bar.line !== undefined ? `line ${bar.line}` : `row ${bar.index}`;
  return {
    severity: 'warning', code: 'out_of_order', index: bar.index, date: bar.date, ...(bar.line !== undefined ? { line: bar.line } : {}),
    message: `rows are not in date order (first at ${where}: ${bar.date} after ${kept[at - 1].date}); they were sorted oldest first`,
  };
}

function toSeries(symbol: string, kept: readonly CandidateBar[]): AdjustedBarSeries {
  const series: AdjustedBarSeries = barSeriesFromRows(symbol, kept);
  if (kept.length > 0 && kept.every((bar) => bar.adjClose !== undefined)) {
    const sorted = kept.length > 1 && kept.some((bar, position) => position > 0 && bar.date < kept[position - 1].date) ? [...kept].sort((left, right) => (left.date < right.date ? -1 : 1)) : kept;
    series.adjClose = Float64Array.from(sorted, (bar) => bar.adjClose!);
  }
  return series;
}
