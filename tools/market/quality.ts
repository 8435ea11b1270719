import type { AdjustedBarSeries, DataIssue } from '../../core/index.ts';
import { parseIsoDate } from './calendar.ts';

export interface QualityOptions {
  /** Today as YYYY-MM-DD; without it the series is not checked for staleness. */
  asOf?: string;
  /** A last bar more than this many weekdays before asOf is stale (default 5). */
  staleAfterDays?: number;
  /**
   * Missing weekdays between two bars that count as a gap (default 2). The calendar has no
   * exchange holidays, so a single missing weekday (Good Friday, Thanksgiving) is not flagged.
   */
  minGapDays?: number;
  /** Relative distance from a split ratio that still counts as one (default 0.03). */
  splitTolerance?: number;
}

const DAY_MS = 86_400_000;
/** Split ratios looked for, as [new shares, old shares]: 2:1, 3:2, 1:10 (reverse) and so on. */
const SPLIT_RATIOS: ReadonlyArray<readonly [number, number]> = [
  [2, 1], [3, 1], [3, 2], [4, 1], [5, 1], [10, 1], [20, 1], [1, 2], [1, 3], [2, 3], [1, 4], [1, 5], [1, 10], [1, 20],
];

/**
 * Warnings about a sorted, row-valid series: gaps of missing weekdays, runs of bars repeating
 * the previous bar exactly (a stuck feed), a last bar older than `staleAfterDays` weekdays, and
 * overnight price ratios close to a split ratio that the adjusted closes do not explain.
 *
 * @example seriesWarnings(series, { asOf: '2026-01-09' }).map((issue) => issue.code) // ['stale_series']
 */
export function seriesWarnings(series: AdjustedBarSeries, options: QualityOptions = {}): DataIssue[] {
  if (series.dates.length === 0) {
    return [{ severity: 'warning', code: 'no_rows', message: `${series.symbol}: no valid rows` }];
  }
  return [...gapWarnings(series, options.minGapDays ?? 2), ...repeatWarnings(series), ...splitWarnings(series, options.splitTolerance ?? 0.03), ...staleWarnings(series, options)];
}

/**
 * Weekdays strictly between two YYYY-MM-DD dates.
 * @example weekdaysBetween('2025-01-03', '2025-01-08') // 2 (Mon 6th, Tue 7th)
 */
export function weekdaysBetween(startDate: string, endDate: string): number {
  const start = parseIsoDate(startDate, 'startDate');
  const end = parseIsoDate(endDate, 'endDate');
  const days = Math.round((end - start) / DAY_MS) - 1;
  if (days <= 0) return 0;
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  const firstWeekday = (new Date(start).getUTCDay() + 1) % 7;
  for (let offset = 0; offset < days - fullWeeks * 7; offset++) {
    const weekday = (firstWeekday + offset) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

function gapWarnings(series: AdjustedBarSeries, minGapDays: number): DataIssue[] {
  const issues: DataIssue[] = [];
  for (let index = 1; index < series.dates.length; index++) {
    const previous = series.dates[index - 1];
    const date = series.dates[index];
    // Consecutive days cannot hide a gap; skip the weekday count for them.
    if (parseIsoDate(date, 'date') - parseIsoDate(previous, 'date') <= DAY_MS) continue;
    const missing = weekdaysBetween(previous, date);
    if (missing >= minGapDays) {
      issues.push({ severity: 'warning', code: 'gap', index, date, message: `${series.symbol}: ${missing} weekdays missing between ${previous} and ${date}` });
    }
  }
  return issues;
}

function repeatWarnings(series: AdjustedBarSeries): DataIssue[] {
  const issues: DataIssue[] = [];
  const same = (index: number) => series.open[index] === series.open[index - 1] && series.high[index] === series.high[index - 1]
    && series.low[index] === series.low[index - 1] && series.close[index] === series.close[index - 1] && series.volume[index] === series.volume[index - 1];
  for (let index = 1; index < series.dates.length; index++) {
    if (!same(index)) continue;
    let end = index;
    while (end + 1 < series.dates.length && same(end + 1)) end++;
    const count = end - index + 1;
    issues.push({
      severity: 'warning', code: 'repeated_bar', index, date: series.dates[index],
      message: `${series.symbol}: ${count} bar(s) from ${series.dates[index]} to ${series.dates[end]} repeat the bar of ${series.dates[index - 1]} exactly (stale feed?)`,
    });
    index = end;
  }
  return issues;
}

function splitWarnings(series: AdjustedBarSeries, tolerance: number): DataIssue[] {
  const issues: DataIssue[] = [];
  for (let index = 1; index < series.dates.length; index++) {
    const overnight = series.close[index - 1] / series.open[index];
    if (overnight > 0.7 && overnight < 1.4) continue;
    const ratio = SPLIT_RATIOS.find(([newShares, oldShares]) => Math.abs(overnight / (newShares / oldShares) - 1) <= tolerance);
    if (!ratio || explainedByAdjustment(series, index, ratio[0] / ratio[1], tolerance)) continue;
    const [newShares, oldShares] = ratio;
    issues.push({
      severity: 'warning', code: 'split_suspected', index, date: series.dates[index],
      message: `${series.symbol}: close ${series.close[index - 1]} on ${series.dates[index - 1]} then open ${series.open[index]} on ${series.dates[index]} `
        + `(ratio ${overnight.toFixed(3)}) looks like a ${newShares}:${oldShares} ${newShares > oldShares ? '' : 'reverse '}split that the adjusted closes do not explain; prices before it are unadjusted`,
    });
  }
  return issues;
}

/** Adjusted closes explain a split when they move by the raw close ratio times the split factor. */
function explainedByAdjustment(series: AdjustedBarSeries, index: number, factor: number, tolerance: number): boolean {
  const adjusted = series.adjClose;
  if (!adjusted) return false;
  const adjustedRatio = adjusted[index] / adjusted[index - 1];
  const rawRatio = series.close[index] / series.close[index - 1];
  return Math.abs(adjustedRatio / rawRatio / factor - 1) <= tolerance;
}

function staleWarnings(series: AdjustedBarSeries, options: QualityOptions): DataIssue[] {
  if (options.asOf === undefined) return [];
  const last = series.dates[series.dates.length - 1];
  if (last >= options.asOf) return [];
  const limit = options.staleAfterDays ?? 5;
  // Weekdays after the last bar up to and including asOf.
  const behind = weekdaysBetween(last, options.asOf) + (isWeekday(options.asOf) ? 1 : 0);
  if (behind <= limit) return [];
  return [{
    severity: 'warning', code: 'stale_series', index: series.dates.length - 1, date: last,
    message: `${series.symbol}: last bar ${last} is ${behind} weekdays before ${options.asOf} (more than ${limit})`,
  }];
}

function isWeekday(date: string): boolean {
  const weekday = new Date(parseIsoDate(date, 'asOf')).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}
