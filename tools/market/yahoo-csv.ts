import { DeskError, type BarSeries } from '../../core/index.ts';
import { parseBarCsv } from './csv-bars.ts';
import { validateBars } from './validate-bars.ts';

/**
 * Parse a Yahoo Finance daily CSV (Date, Open, High, Low, Close, Adj Close, Volume). Columns are
 * found by name, case-insensitively, in any order; Adj Close is optional (checked, not stored).
 * Rows come out oldest first. The first bad row is a DeskError('parse_error') naming the line, the
 * column and the value: Yahoo's "null" rows, duplicate dates, high below open/close, and so on.
 * Only a trailing empty line is skipped. (For a report of every bad row, use parseBarCsv and
 * validateBars.)
 *
 * @example
 * parseYahooCsv('Date,Open,High,Low,Close,Volume\n2025-01-02,10,11,9,10.5,1000\n', 'ACME').close // Float64Array [10.5]
 */
export function parseYahooCsv(text: string, symbol: string): BarSeries {
  const parsed = parseBarCsv(text, { format: 'yahoo' });
  const { series, issues } = validateBars(symbol, parsed.candidates, { columns: parsed.columns });
  const errors = [...parsed.issues, ...issues].filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    const first = errors.reduce((earliest, issue) => ((issue.line ?? 0) < (earliest.line ?? 0) ? issue : earliest));
    const cell = /^line \d+, column (.+?): "(.*)" is not valid/.exec(first.message);
    throw new DeskError('parse_error', first.message, { line: first.line, ...(cell ? { column: cell[1], value: cell[2] } : {}) });
  }
  const { symbol: name, dates, open, high, low, close, volume } = series;
  return { symbol: name, dates, open, high, low, close, volume };
}
