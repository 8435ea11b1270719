import { SymbolSchema, type NewsItem } from '../../core/index.ts';
import { DEMO_TICKERS, extractTickers, type TickerEntry } from '../signals/index.ts';
import { parsePublished } from './published.ts';
import { collapseWhitespace, htmlToText, newsId } from './text.ts';

/** A news item as a source gave it, before validation; every field may be missing or malformed. */
export interface RawNewsItem {
  readonly url?: unknown;
  readonly headline?: unknown;
  readonly body?: unknown;
  readonly source?: unknown;
  readonly published?: unknown;
  readonly tickers?: unknown;
}

export interface NormalizeOptions {
  /** Source name when the item names none (e.g. the feed's title or the file name). */
  readonly defaultSource?: string;
  /** Ticker dictionary for names, aliases, symbols and $cashtags in the text. Default: the demo universe. */
  readonly dictionary?: readonly TickerEntry[];
  /** Fields hold HTML (RSS/Atom): strip tags and decode entities. */
  readonly html?: boolean;
}

const MAX_HEADLINE = 1_000;
const MAX_BODY = 100_000;

/**
 * Validate and normalise one raw item: text trimmed (HTML stripped for feeds), published time as
 * an ISO UTC instant, an http(s) URL or none, and tickers from the source merged with those the
 * text mentions. Returns the item, or the reason it was refused (the caller adds where it was).
 *
 * @example normalizeNewsItem({ headline: 'Apple beats', published: '2025-06-10', source: 'wire' }).ok // true
 */
export function normalizeNewsItem(raw: RawNewsItem, options: NormalizeOptions = {}): { ok: true; item: NewsItem } | { ok: false; reason: string } {
  const clean = (value: string) => (options.html ? htmlToText(value) : collapseWhitespace(value));
  const headline = typeof raw.headline === 'string' ? clean(raw.headline) : '';
  if (headline === '') return { ok: false, reason: 'headline is missing or empty' };
  if (headline.length > MAX_HEADLINE) return { ok: false, reason: `headline is longer than ${MAX_HEADLINE} characters (${headline.length})` };
  if (raw.body !== undefined && raw.body !== null && typeof raw.body !== 'string') return { ok: false, reason: `body must be text (got ${typeof raw.body})` };
  const body = typeof raw.body === 'string' ? clean(raw.body) : '';
  if (body.length > MAX_BODY) return { ok: false, reason: `body is longer than ${MAX_BODY} characters (${body.length})` };
  if (typeof raw.published !== 'string' || raw.published.trim() === '') return { ok: false, reason: 'published time is missing' };
  const published = parsePublished(raw.published);
  if (!published.ok) return published;
  const url = readUrl(raw.url);
  if (!url.ok) return url;
  const source = typeof raw.source === 'string' && raw.source.trim() !== '' ? collapseWhitespace(raw.source) : options.defaultSource;
  if (source === undefined || source === '') return { ok: false, reason: 'source is missing (give a source column/field or a default source)' };
  const given = readTickers(raw.tickers);
  if (!given.ok) return given;
  const mentioned = extractTickers(`${headline}\n${body}`, options.dictionary ?? DEMO_TICKERS);
  const tickers = [...new Set([...given.value, ...mentioned])];
  return { ok: true, item: { id: newsId(headline, body), url: url.value, headline, body, source, publishedAt: published.value, tickers } };
}

function readUrl(value: unknown): { ok: true; value: string | null } | { ok: false; reason: string } {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { ok: true, value: null };
  if (typeof value !== 'string') return { ok: false, reason: `url must be text (got ${typeof value})` };
  try {
    const parsed = new URL(value.trim());
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, reason: `url must be http or https (got ${parsed.protocol})` };
    parsed.hash = '';
    return { ok: true, value: parsed.toString() };
  } catch {
    return { ok: false, reason: `url ${JSON.stringify(value)} is not a valid URL` };
  }
}

// Tickers as an array or one string separated by commas, semicolons, spaces or |; "$AAPL" allowed.
function readTickers(value: unknown): { ok: true; value: string[] } | { ok: false; reason: string } {
  if (value === undefined || value === null) return { ok: true, value: [] };
  const entries = typeof value === 'string' ? value.split(/[\s,;|]+/) : Array.isArray(value) ? value : null;
  if (entries === null) return { ok: false, reason: 'tickers must be a list or a text such as "AAPL;MSFT"' };
  const symbols: string[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string' && entry.trim() === '') continue;
    const parsed = SymbolSchema.safeParse(typeof entry === 'string' ? entry.replace(/^\$/, '') : entry);
    if (!parsed.success) return { ok: false, reason: `ticker ${JSON.stringify(entry)} is not a symbol (1-12 letters, digits, "." or "-", starting with a letter)` };
    symbols.push(parsed.data);
  }
  return { ok: true, value: symbols };
}
