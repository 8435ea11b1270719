import { DeskError } from '../../core/index.ts';
import { buildBatch, type LocatedRawItem, type NewsBatch } from './batch.ts';
import type { NormalizeOptions, RawNewsItem } from './normalize.ts';

// Field names sources use, first match wins.
const ALIASES: Readonly<Record<keyof RawNewsItem, readonly string[]>> = {
  headline: ['headline', 'title'],
  body: ['body', 'summary', 'content', 'text', 'description'],
  source: ['source', 'publisher', 'provider'],
  published: ['published', 'publishedat', 'published_at', 'date', 'datetime', 'time', 'timestamp'],
  url: ['url', 'link'],
  tickers: ['tickers', 'symbols', 'ticker', 'symbol'],
};

/**
 * Map a record with any of the usual field names (headline/title, published/publishedAt/date,
 * url/link, tickers/symbols, ...; case-insensitive) to a raw news item.
 * @example rawFromRecord({ Title: 'Apple beats', publishedAt: '2025-06-10' }).headline // 'Apple beats'
 */
export function rawFromRecord(record: Record<string, unknown>): RawNewsItem {
  const lower = new Map(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]));
  const pick = (field: keyof RawNewsItem) => ALIASES[field].map((name) => lower.get(name)).find((value) => value !== undefined && value !== null && value !== '');
  return { headline: pick('headline'), body: pick('body'), source: pick('source'), published: pick('published'), url: pick('url'), tickers: pick('tickers') };
}

/**
 * Parse JSON lines: one JSON object per line (blank lines skipped). A line that is not a JSON
 * object, or an object that fails validation, is reported as "line N" with the reason.
 *
 * @example parseJsonLines('{"headline":"Apple beats","published":"2025-06-10T13:00:00Z","source":"wire"}').items.length // 1
 */
export function parseJsonLines(text: string, options: NormalizeOptions = {}): NewsBatch {
  const located: LocatedRawItem[] = [];
  const problems: NewsBatch['problems'] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const at = `line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({ at, reason: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) problems.push({ at, reason: 'each line must be a JSON object' });
    else located.push({ at, raw: rawFromRecord(value as Record<string, unknown>) });
  });
  return buildBatch(located, options, problems);
}

/**
 * Parse inline records (e.g. from an MCP call), reported as "item N" (1-based).
 * @example parseRecords([{ headline: 'Apple beats', published: '2025-06-10', source: 'wire' }]).items.length // 1
 */
export function parseRecords(records: readonly unknown[], options: NormalizeOptions = {}): NewsBatch {
  if (!Array.isArray(records)) throw new DeskError('invalid_input', 'items must be an array of objects', { field: 'items' });
  const problems: NewsBatch['problems'] = [];
  const located: LocatedRawItem[] = [];
  records.forEach((record, index) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) problems.push({ at: `item ${index + 1}`, reason: 'each item must be an object' });
    else located.push({ at: `item ${index + 1}`, raw: rawFromRecord(record as Record<string, unknown>) });
  });
  return buildBatch(located, options, problems);
}
