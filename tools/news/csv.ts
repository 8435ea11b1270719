import { DeskError } from '../../core/index.ts';
import { buildBatch, type LocatedRawItem, type NewsBatch } from './batch.ts';
import { rawFromRecord } from './lines.ts';
import type { NormalizeOptions } from './normalize.ts';

/** One CSV record and the line it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Split CSV text (RFC 4180: commas, double-quoted fields with "" escapes and line breaks) into
 * records with their starting line. Blank lines are skipped; an unclosed quote is a parse_error.
 *
 * @example readCsvRecords('a,b\n"x, y",2\n') // [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['x, y', '2'] }]
 */
export function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0].trim() !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') { cell += '"'; index++; }
      else if (char === '"') quoted = false;
      else { if (char === '\n') line++; cell += char; }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') { cells.push(cell); cell = ''; }
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      endRecord();
      line++;
      start = line;
    } else cell += char;
  }
  if (quoted) throw new DeskError('parse_error', `CSV line ${start}: a quoted field is never closed`, { line: start });
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/**
 * Parse a news CSV whose header names its columns: headline (or title) and published (or date,
 * publishedAt, ...) are required; body, source, url, tickers are optional. Each refused row is
 * reported as "line N" with the reason. A missing required column is a parse_error.
 *
 * @example parseNewsCsv('headline,published,source\nApple beats,2025-06-10,wire\n').items.length // 1
 */
export function parseNewsCsv(text: string, options: NormalizeOptions = {}): NewsBatch {
  const [header, ...rows] = readCsvRecords(text.replace(/^\uFEFF/, ''));
  if (header === undefined) throw new DeskError('parse_error', 'CSV is empty: expected a header with headline and published columns');
  const names = header.cells.map((name) => name.trim());
  const probe = rawFromRecord(Object.fromEntries(names.map((name) => [name, 'x'])));
  const missing = (['headline', 'published'] as const).filter((field) => probe[field] === undefined);
  if (missing.length > 0) {
    throw new DeskError('parse_error', `CSV header (line ${header.line}) has no ${missing.join(' or ')} column (got ${names.join(', ')}); columns by name: headline|title, published|date, body, source, url, tickers`, { line: header.line });
  }
  const problems: NewsBatch['problems'] = [];
  const located: LocatedRawItem[] = [];
  for (const row of rows) {
    if (row.cells.length !== names.length) problems.push({ at: `line ${row.line}`, reason: `has ${row.cells.length} cells, the header has ${names.length}` });
    else located.push({ at: `line ${row.line}`, raw: rawFromRecord(Object.fromEntries(names.map((name, index) => [name, row.cells[index]]))) });
  }
  return buildBatch(located, options, problems);
}
