import { DeskError, type DataIssue } from '../../core/index.ts';
import { parseIsoDate } from './calendar.ts';

/** The fields of a daily bar a CSV column can hold. */
export const BAR_FIELDS = ['date', 'open', 'high', 'low', 'close', 'adjClose', 'volume'] as const;
export type BarField = (typeof BAR_FIELDS)[number];
export const CSV_FORMATS = ['yahoo', 'stooq', 'generic'] as const;
export type CsvFormat = (typeof CSV_FORMATS)[number];
/** Header name per field for the generic format, e.g. { date: 'Day', close: 'Last' }. */
export type ColumnMap = Partial<Record<BarField, string>>;

/**
 * A row as read, before validation: numbers may be negative or inconsistent, the date is a real
 * YYYY-MM-DD. `index` counts data rows from 0; `line` is the file line (the header is line 1).
 */
export interface CandidateBar {
  index: number;
  line?: number;
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  adjClose?: number;
}

export interface ParsedBarCsv {
  candidates: CandidateBar[];
  /** Rows that could not be read at all (wrong field count, text where a number belongs). */
  issues: DataIssue[];
  /** The header name of each field found, for messages. */
  columns: ColumnMap;
  rowsRead: number;
}

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const REQUIRED: readonly BarField[] = ['date', 'open', 'high', 'low', 'close', 'volume'];
/** Header names per format (compared lower-case, `<>` stripped, so Stooq's <DATE> and <VOL> match). */
const HEADER_NAMES: Record<CsvFormat, Record<BarField, readonly string[]>> = {
  yahoo: { date: ['date'], open: ['open'], high: ['high'], low: ['low'], close: ['close'], adjClose: ['adj close'], volume: ['volume'] },
  stooq: { date: ['date'], open: ['open'], high: ['high'], low: ['low'], close: ['close'], adjClose: [], volume: ['volume', 'vol'] },
  generic: { date: ['date'], open: ['open'], high: ['high'], low: ['low'], close: ['close'], adjClose: ['adj close', 'adj_close', 'adjclose'], volume: ['volume'] },
};
const DISPLAY: Record<BarField, string> = { date: 'Date', open: 'Open', high: 'High', low: 'Low', close: 'Close', adjClose: 'Adj Close', volume: 'Volume' };

/**
 * Read daily bars from CSV text without judging them: every row becomes a CandidateBar, or an
 * issue naming its line when it cannot be read (wrong field count, empty line, a date or number
 * that does not parse). Header problems (a missing column, no rows) throw DeskError('parse_error').
 * Formats: `yahoo` (Date,Open,High,Low,Close,Adj Close,Volume; dates YYYY-MM-DD), `stooq`
 * (Date,Open,High,Low,Close,Volume with YYYY-MM-DD dates from its download page, or the bulk
 * <TICKER>,<PER>,<DATE>,...,<VOL>,<OPENINT> layout with YYYYMMDD dates) and `generic` (a column
 * map; YYYY-MM-DD or YYYYMMDD dates). Columns are found by name in any order and case.
 *
 * @example
 * parseBarCsv('Date,Open,High,Low,Close,Volume\n20250102,10,11,9,10.5,1000\n', { format: 'stooq' }).candidates[0].date // '2025-01-02'
 */
export function parseBarCsv(text: string, options: { format: CsvFormat; columns?: ColumnMap }): ParsedBarCsv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const header = splitFields(lines[0]);
  const indexes = locateColumns(header, options.format, options.columns ?? {});
  if (lines.length < 2) throw new DeskError('parse_error', 'the CSV has a header but no rows', { line: 2 });
  const columns: ColumnMap = {};
  for (const field of BAR_FIELDS) if (indexes[field] >= 0) columns[field] = header[indexes[field]];
  const reader = rowReader(header, indexes, options.format);
  const candidates: CandidateBar[] = [];
  const issues: DataIssue[] = [];
  for (let lineIndex = 1; lineIndex < lines.length; lineIndex++) {
    const result = reader(lines[lineIndex], lineIndex + 1, lineIndex - 1);
    if ('severity' in result) issues.push(result);
    else candidates.push(result);
  }
  return { candidates, issues, columns, rowsRead: lines.length - 1 };
}

function splitFields(line: string): string[] {
  return line.split(',').map((field) => {
    const trimmed = field.trim();
    return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
  });
}

function normaliseName(name: string): string {
  return name.replace(/^<|>$/g, '').toLowerCase().replace(/\s+/g, ' ');
}

type ColumnIndexes = Record<BarField, number>;

function locateColumns(header: string[], format: CsvFormat, map: ColumnMap): ColumnIndexes {
  const byName = new Map<string, number>();
  header.forEach((name, index) => {
    const key = normaliseName(name);
    if (byName.has(key)) throw new DeskError('parse_error', `line 1: column ${name} appears twice`, { line: 1, column: name });
    byName.set(key, index);
  });
  const indexes = {} as ColumnIndexes;
  const missing: string[] = [];
  for (const field of BAR_FIELDS) {
    const names = map[field] !== undefined ? [normaliseName(map[field])] : HEADER_NAMES[format][field];
    const found = names.map((name) => byName.get(name)).find((index) => index !== undefined);
    indexes[field] = found ?? -1;
    if (found === undefined && (REQUIRED.includes(field) || map[field] !== undefined)) missing.push(map[field] ?? DISPLAY[field]);
  }
  if (missing.length > 0) {
    throw new DeskError('parse_error', `line 1: missing column(s) ${missing.join(', ')} (header: ${header.join(',')})`, { line: 1, missing });
  }
  return indexes;
}

function rowReader(header: string[], indexes: ColumnIndexes, format: CsvFormat) {
  const acceptCompact = format !== 'yahoo';
  const fail = (line: number, index: number, message: string, code: DataIssue['code']): DataIssue => ({ severity: 'error', code, message, line, index });
  return (text: string, line: number, index: number): CandidateBar | DataIssue => {
    if (text.trim() === '') return fail(line, index, `line ${line} is empty`, 'malformed_row');
    const fields = splitFields(text);
    if (fields.length !== header.length) return fail(line, index, `line ${line}: expected ${header.length} fields, found ${fields.length}`, 'malformed_row');
    const cellError = (field: BarField, why: string) => fail(line, index, `line ${line}, column ${header[indexes[field]]}: ${JSON.stringify(fields[indexes[field]])} is not valid (${why})`, 'invalid_value');
    const date = readDate(fields[indexes.date], acceptCompact);
    if (date === null) return cellError('date', acceptCompact ? 'expected a date as YYYY-MM-DD or YYYYMMDD' : 'expected a date as YYYY-MM-DD');
    const values: Partial<Record<BarField, number>> = {};
    for (const field of ['open', 'high', 'low', 'close', 'volume', 'adjClose'] as const) {
      if (indexes[field] < 0) continue;
      const cell = fields[indexes[field]];
      if (cell.toLowerCase() === 'null') return cellError(field, 'Yahoo marks a day without data this way; remove or fill that row');
      if (!NUMBER_PATTERN.test(cell)) return cellError(field, field === 'volume' ? 'expected a number >= 0' : 'expected a number > 0');
      values[field] = Number(cell);
    }
    const candidate: CandidateBar = { index, line, date, open: values.open!, high: values.high!, low: values.low!, close: values.close!, volume: values.volume! };
    if (values.adjClose !== undefined) candidate.adjClose = values.adjClose;
    return candidate;
  };
}

/** YYYY-MM-DD (or YYYYMMDD when allowed) as YYYY-MM-DD, or null when it is not a real date. */
function readDate(text: string, acceptCompact: boolean): string | null {
  const compact = acceptCompact ? COMPACT_DATE.exec(text) : null;
  const iso = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : text;
  try {
    parseIsoDate(iso, 'date');
    return iso;
  } catch {
    return null;
  }
}

/**
 * Parse `--map date=Day,close=Last` into a column map; unknown fields are a DeskError naming
 * the allowed ones.
 * @example parseColumnMap('date=Day,close=Last') // { date: 'Day', close: 'Last' }
 */
export function parseColumnMap(text: string): ColumnMap {
  const map: ColumnMap = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [field, name] = entry.split('=').map((part) => part.trim());
    if (!(BAR_FIELDS as readonly string[]).includes(field) || !name) {
      throw new DeskError('invalid_input', `column map entry ${JSON.stringify(entry)} must be field=Header with field one of ${BAR_FIELDS.join(', ')}`, { field: 'map' });
    }
    map[field as BarField] = name;
  }
  return map;
}
