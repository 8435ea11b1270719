import { DeskError, type BarSeries } from '../../core/index.ts';
import { csvError, parseCsvDate, parseCsvNumber, type CsvCell } from './csv-values.ts';
import { barSeriesFromRows, type BarRow } from './series.ts';

const REQUIRED_COLUMNS = ['Date', 'Open', 'High', 'Low', 'Close', 'Volume'] as const;
type ColumnName = (typeof REQUIRED_COLUMNS)[number] | 'Adj Close';
type ColumnIndexes = Record<ColumnName, number>;

/**
 * Parse a Yahoo Finance daily CSV (Date, Open, High, Low, Close, Adj Close, Volume). Columns are
 * found by name, case-insensitively, in any order; Adj Close is optional (checked, not stored).
 * Rows come out oldest first. Every bad row is a DeskError('parse_error') naming the line, the
 * column and the value: Yahoo's "null" rows, duplicate dates, high below open/close, and so on.
 * Only a trailing empty line is skipped.
 *
 * @example
 * parseYahooCsv('Date,Open,High,Low,Close,Volume\n2025-01-02,10,11,9,10.5,1000\n', 'ACME').close // Float64Array [10.5]
 */
export function parseYahooCsv(text: string, symbol: string): BarSeries {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const header = lines[0].split(',').map((name) => name.trim());
  const columns = locateColumns(header);
  if (lines.length < 2) throw new DeskError('parse_error', 'the CSV has a header but no rows', { line: 2 });
  const rows: BarRow[] = [];
  const lineOfDate = new Map<string, number>();
  for (let index = 1; index < lines.length; index++) {
    const row = parseRow(lines[index], index + 1, header, columns);
    const earlier = lineOfDate.get(row.date);
    if (earlier !== undefined) {
      throw csvError({ line: index + 1, column: header[columns.Date], text: row.date }, `the same date is on line ${earlier}`);
    }
    lineOfDate.set(row.date, index + 1);
    rows.push(row);
  }
  return barSeriesFromRows(symbol, rows);
}

function locateColumns(header: string[]): ColumnIndexes {
  const byName = new Map<string, number>();
  header.forEach((name, index) => {
    const key = name.toLowerCase().replace(/\s+/g, ' ');
    if (byName.has(key)) throw new DeskError('parse_error', `line 1: column ${name} appears twice`, { line: 1, column: name });
    byName.set(key, index);
  });
  const missing = REQUIRED_COLUMNS.filter((name) => !byName.has(name.toLowerCase()));
  if (missing.length > 0) {
    throw new DeskError('parse_error', `line 1: missing column(s) ${missing.join(', ')} (header: ${header.join(',')})`, { line: 1, missing });
  }
  const indexOf = (name: ColumnName) => byName.get(name.toLowerCase()) ?? -1;
  return {
    Date: indexOf('Date'), Open: indexOf('Open'), High: indexOf('High'), Low: indexOf('Low'),
    Close: indexOf('Close'), 'Adj Close': indexOf('Adj Close'), Volume: indexOf('Volume'),
  };
}

function parseRow(line: string, lineNumber: number, header: string[], columns: ColumnIndexes): BarRow {
  if (line.trim() === '') throw new DeskError('parse_error', `line ${lineNumber} is empty`, { line: lineNumber });
  const fields = line.split(',').map((field) => field.trim());
  if (fields.length !== header.length) {
    throw new DeskError('parse_error', `line ${lineNumber}: expected ${header.length} fields, found ${fields.length}`, { line: lineNumber });
  }
  const cell = (column: ColumnName): CsvCell => ({ line: lineNumber, column: header[columns[column]], text: fields[columns[column]] });
  const row: BarRow = {
    date: parseCsvDate(cell('Date')),
    open: parseCsvNumber(cell('Open'), 'positive'),
    high: parseCsvNumber(cell('High'), 'positive'),
    low: parseCsvNumber(cell('Low'), 'positive'),
    close: parseCsvNumber(cell('Close'), 'positive'),
    volume: parseCsvNumber(cell('Volume'), 'non-negative'),
  };
  if (columns['Adj Close'] >= 0) parseCsvNumber(cell('Adj Close'), 'positive');
  if (row.high < Math.max(row.open, row.close, row.low)) throw csvError(cell('High'), 'below the open, close or low of the bar');
  if (row.low > Math.min(row.open, row.close)) throw csvError(cell('Low'), 'above the open or close of the bar');
  return row;
}
