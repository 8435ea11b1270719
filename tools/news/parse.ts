import { DeskError } from '../../core/index.ts';
import type { NewsBatch } from './batch.ts';
import { parseNewsCsv } from './csv.ts';
import { parseFeed } from './feed.ts';
import { parseJsonLines } from './lines.ts';
import type { NormalizeOptions } from './normalize.ts';

export const NEWS_FORMATS = ['auto', 'feed', 'jsonl', 'csv'] as const;
export type NewsFormat = (typeof NEWS_FORMATS)[number];

/**
 * Parse news text in any supported format. 'feed' is RSS 2.0 or Atom; 'auto' picks by the file
 * name's extension when given (.xml/.rss/.atom, .jsonl/.ndjson, .csv), else by the first
 * character ('<' feed, '{' JSON lines, otherwise CSV).
 *
 * @example parseNews(text, { format: 'auto', name: 'wire.jsonl' })
 */
export function parseNews(text: string, options: NormalizeOptions & { format?: NewsFormat; name?: string } = {}): NewsBatch {
  if (typeof text !== 'string') throw new DeskError('invalid_input', 'news text must be a string', { field: 'text' });
  const format = options.format === undefined || options.format === 'auto' ? detectFormat(text, options.name) : options.format;
  if (format === 'feed') return parseFeed(text, options);
  if (format === 'jsonl') return parseJsonLines(text, options);
  if (format === 'csv') return parseNewsCsv(text, options);
  throw new DeskError('invalid_input', `format must be one of ${NEWS_FORMATS.join(', ')} (got ${JSON.stringify(format)})`, { field: 'format' });
}

/** The format of a news text, from its name's extension or else its first character. */
export function detectFormat(text: string, name?: string): Exclude<NewsFormat, 'auto'> {
  const extension = name?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (extension && ['xml', 'rss', 'atom'].includes(extension)) return 'feed';
  if (extension && ['jsonl', 'ndjson'].includes(extension)) return 'jsonl';
  if (extension === 'csv') return 'csv';
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  return start === '<' ? 'feed' : start === '{' ? 'jsonl' : 'csv';
}
