import { describe, expect, it } from 'vitest';
import { barSeriesFromRows } from './series.ts';
import { seriesWarnings, weekdaysBetween } from './quality.ts';

const row = (date: string, open: number, close: number, volume = 100) => ({ date, open, high: Math.max(open, close) + 1, low: Math.min(open, close) - 1, close, volume });

describe('seriesWarnings', () => {
  it('counts weekdays strictly between two dates', () => {
    expect(weekdaysBetween('2025-01-03', '2025-01-06')).toBe(0);
    expect(weekdaysBetween('2025-01-03', '2025-01-08')).toBe(2);
    expect(weekdaysBetween('2025-01-01', '2025-01-31')).toBe(21);
  });

  it('flags a 2-weekday gap but not a single missing weekday (holidays are not in the calendar)', () => {
    const series = barSeriesFromRows('ACME', [row('2025-04-16', 10, 10), row('2025-04-17', 10, 10.1), row('2025-04-21', 10.1, 10.2), row('2025-04-24', 10.2, 10.3)]);
    expect(seriesWarnings(series).map((issue) => issue.message)).toEqual(['ACME: 2 weekdays missing between 2025-04-21 and 2025-04-24']);
  });

  it('flags a run of identical bars once, and a last bar more than 5 weekdays old', () => {
    const series = barSeriesFromRows('ACME', [row('2025-01-06', 10, 11), row('2025-01-07', 10, 11), row('2025-01-08', 10, 11), row('2025-01-09', 11, 12)]);
    expect(seriesWarnings(series, { asOf: '2025-01-16' })).toEqual([
      { severity: 'warning', code: 'repeated_bar', index: 1, date: '2025-01-07', message: 'ACME: 2 bar(s) from 2025-01-07 to 2025-01-08 repeat the bar of 2025-01-06 exactly (stale feed?)' },
    ]);
    expect(seriesWarnings(series, { asOf: '2025-01-17' }).at(-1)?.message).toBe('ACME: last bar 2025-01-09 is 6 weekdays before 2025-01-17 (more than 5)');
  });

  it('suspects 2:1, 3:2 and 1:10 splits the adjusted closes do not explain', () => {
    const series = barSeriesFromRows('ACME', [row('2025-01-06', 100, 100), row('2025-01-07', 50.5, 51), row('2025-01-08', 34, 34), row('2025-01-09', 340, 345)]);
    const warnings = seriesWarnings(series);
    expect(warnings.map((issue) => [issue.date, issue.code])).toEqual([['2025-01-07', 'split_suspected'], ['2025-01-08', 'split_suspected'], ['2025-01-09', 'split_suspected']]);
    expect(warnings[0].message).toMatch(/ratio 1\.980\) looks like a 2:1 split/);
    expect(warnings[1].message).toMatch(/3:2 split/);
    expect(warnings[2].message).toMatch(/1:10 reverse split/);
    const adjusted = { ...series, adjClose: Float64Array.from([50, 51, 34, 34.5]), dates: series.dates };
    expect(seriesWarnings({ ...adjusted, open: adjusted.open.slice(0, 2), high: adjusted.high.slice(0, 2), low: adjusted.low.slice(0, 2), close: adjusted.close.slice(0, 2), volume: adjusted.volume.slice(0, 2), dates: adjusted.dates.slice(0, 2), adjClose: adjusted.adjClose.slice(0, 2) })).toEqual([]);
  });
});
