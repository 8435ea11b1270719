import { DeskError } from '../../core/index.ts';
import { parseIsoDate } from './calendar.ts';

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Where a CSV value came from, for error messages. */
export interface CsvCell {
  line: number;
  column: string;
  text: string;
}

/**
 * A CSV number that must be > 0 (prices) or >= 0 (volume); anything else, including Yahoo's
 * "null" marker, is a DeskError('parse_error') naming line, column and value.
 *
 * @example parseCsvNumber({ line: 2, column: 'Open', text: '101.5' }, 'positive') // 101.5
 */
export function parseCsvNumber(cell: CsvCell, sign: 'positive' | 'non-negative'): number {
  if (cell.text.toLowerCase() === 'null') {
    throw csvError(cell, 'Yahoo marks a day without data this way; remove or fill that row');
  }
  const value = NUMBER_PATTERN.test(cell.text) ? Number(cell.text) : Number.NaN;
  const valid = Number.isFinite(value) && (sign === 'positive' ? value > 0 : value >= 0);
  if (!valid) throw csvError(cell, `expected a number ${sign === 'positive' ? '> 0' : '>= 0'}`);
  return value;
}

/**
 * A CSV date as YYYY-MM-DD, or a DeskError('parse_error') naming line, column and value.
 * @example parseCsvDate({ line: 2, column: 'Date', text: '2025-01-02' }) // '2025-01-02'
 */
export function parseCsvDate(cell: CsvCell): string {
  try {
    parseIsoDate(cell.text, cell.column);
    return cell.text;
  } catch (error) {
    throw csvError(cell, 'expected a date as YYYY-MM-DD', error);
  }
}

/**
 * The parse error for one cell: "line 7, column Open: "abc" is not valid (expected ...)".
 * @example throw csvError({ line: 7, column: 'High', text: '9.5' }, 'below the close 9.8')
 */
export function csvError(cell: CsvCell, explanation: string, cause?: unknown): DeskError {
  return new DeskError(
    'parse_error',
    `line ${cell.line}, column ${cell.column}: ${JSON.stringify(cell.text)} is not valid (${explanation})`,
    { line: cell.line, column: cell.column, value: cell.text },
    cause === undefined ? undefined : { cause },
  );
}
