import { describe, expect, it } from 'vitest';
import type { CandidateBar } from './csv-bars.ts';
import { validateBars } from './validate-bars.ts';

const bar = (index: number, date: string, close: number, extra: Partial<CandidateBar> = {}): CandidateBar =>
  ({ index, line: index + 2, date, open: close, high: close + 1, low: close - 1, close, volume: 100, ...extra });

describe('validateBars', () => {
  it('keeps valid rows sorted and reports every bad row by line, never dropping one silently', () => {
    const candidates = [
      bar(0, '2025-01-03', 11),
      bar(1, '2025-01-02', 10),
      bar(2, '2025-01-06', 12, { low: 12.5 }),
      bar(3, '2025-01-07', 13, { volume: -1 }),
      bar(4, '2025-01-03', 11),
      bar(5, '2025-01-08', Number.POSITIVE_INFINITY),
      bar(6, '2025-01-09', 14),
    ];
    const { series, issues } = validateBars('acme', candidates, { columns: { date: 'Date', low: 'Low', volume: 'Volume', open: 'Open' } });
    expect(series.symbol).toBe('ACME');
    expect(series.dates).toEqual(['2025-01-02', '2025-01-03', '2025-01-09']);
    expect(Array.from(series.close)).toEqual([10, 11, 14]);
    expect(issues.map((issue) => `${issue.severity} ${issue.code} ${issue.message}`)).toEqual([
      'error ohlc_inconsistent line 4, column Low: "12.5" is not valid (above the open or close of the bar)',
      'error invalid_value line 5, column Volume: "-1" is not valid (expected a number >= 0)',
      'error duplicate_date line 6, column Date: "2025-01-03" is not valid (the same date is on line 2)',
      'error non_finite line 7, column Open: "Infinity" is not valid (expected a finite number)',
      'warning out_of_order rows are not in date order (first at line 3: 2025-01-02 after 2025-01-03); they were sorted oldest first',
      'warning gap ACME: 3 weekdays missing between 2025-01-03 and 2025-01-09',
    ]);
  });

  it('keeps adjusted closes only when every kept row has one, in sorted order', () => {
    const { series } = validateBars('ACME', [bar(0, '2025-01-03', 11, { adjClose: 5.5 }), bar(1, '2025-01-02', 10, { adjClose: 5 })]);
    expect(Array.from(series.adjClose!)).toEqual([5, 5.5]);
    expect(validateBars('ACME', [bar(0, '2025-01-02', 10, { adjClose: 5 }), bar(1, '2025-01-03', 11)]).series.adjClose).toBeUndefined();
  });

  it('names the row and date of a provider bar without a line', () => {
    const { issues } = validateBars('ACME', [{ index: 4, date: '2025-01-02', open: Number.NaN, high: 1, low: 1, close: 1, volume: 1 }]);
    expect(issues[0]).toEqual({ severity: 'error', code: 'non_finite', index: 4, date: '2025-01-02', message: '2025-01-02 (row 4): open NaN is not valid (expected a finite number)' });
  });
});
