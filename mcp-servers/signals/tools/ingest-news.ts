import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DeskError, NewsDuplicateSchema, NewsProblemSchema, type Clock, type NewsScorer, type NewsStore, type SemanticIndex } from '../../../core/index.ts';
import { ingestNews, NEWS_FORMATS, parseNews, parseRecords, type NewsBatch } from '../../../tools/news/index.ts';
import { handle } from '../../shared/index.ts';

/** Where ingest_news may read from; apps decide (a news directory, allowed feed hosts). */
export interface NewsSources {
  /** Read a news file by a path the caller gave; absent: file ingestion is off. */
  readFile?(path: string): Promise<{ text: string; name: string }>;
  /** Fetch a feed URL; absent: network sources are off. */
  fetchFeed?(url: string): Promise<string>;
}

export interface IngestNewsDeps {
  news: NewsStore;
  index: SemanticIndex;
  scorers: readonly NewsScorer[];
  clock: Clock;
  sources: NewsSources;
}

const LISTED = 100;

export const ingestNewsInput = {
  file: z.string().min(1).optional().describe("Path of a news file in the desk's news directory (RSS/Atom .xml/.rss, .jsonl, .csv)"),
  url: z.string().url().optional().describe('RSS or Atom feed URL (only when network sources are enabled, on allowed hosts)'),
  text: z.string().min(1).max(1_000_000).optional().describe('News as text: an RSS/Atom document, JSON lines, or CSV with a header'),
  items: z.array(z.record(z.string(), z.unknown())).min(1).max(1_000).optional()
    .describe('Inline items: {headline, body?, source?, published (ISO 8601 or RFC 822), url?, tickers?}'),
  format: z.enum(NEWS_FORMATS).default('auto').describe('Format of file/text: auto (by extension or first character), feed, jsonl, csv'),
  source: z.string().min(1).max(200).optional().describe('Source name for items that name none (default: the feed title or file name)'),
};

export const ingestNewsOutput = {
  stored: z.number().int(),
  storedIds: z.array(z.string()),
  duplicates: z.number().int(),
  duplicateDetails: z.array(NewsDuplicateSchema),
  problems: z.array(NewsProblemSchema),
  problemCount: z.number().int(),
  scored: z.record(z.string(), z.number()),
  scorerErrors: z.array(z.object({ scorer: z.string(), reason: z.string() })),
  embedded: z.number().int(),
  semanticSearch: z.string(),
};

export function registerIngestNewsTool(server: McpServer, deps: IngestNewsDeps): void {
  server.registerTool(
    'ingest_news',
    {
      title: 'Ingest news',
      description:
        'Stores news from exactly one of: file, url, text or items. Each new item is normalised (UTC time, tickers from the source and from the text), ' +
        'deduplicated by URL and content hash (repeats are reported, never stored twice), scored for sentiment and event by every configured scorer, ' +
        'and embedded for search_news. Refused items are listed with their line or position and why. Stores data only; places no order. ' +
        'Example: {"items":[{"headline":"Apple beat estimates","published":"2025-06-10T13:00:00Z","source":"Wire"}]}.',
      inputSchema: ingestNewsInput,
      outputSchema: ingestNewsOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    (input) =>
      handle(async () => {
        const report = await ingestNews(await readBatch(input, deps.sources), deps);
        const duplicates = report.duplicates;
        return {
          stored: report.stored.length, storedIds: report.stored.slice(0, LISTED), duplicates: duplicates.length, duplicateDetails: duplicates.slice(0, LISTED),
          problems: report.problems.slice(0, LISTED), problemCount: report.problems.length,
          scored: report.scored, scorerErrors: report.scorerErrors, embedded: report.embedded, semanticSearch: report.semanticSearch,
        };
      }),
  );
}

async function readBatch(input: { file?: string; url?: string; text?: string; items?: Array<Record<string, unknown>>; format: (typeof NEWS_FORMATS)[number]; source?: string }, sources: NewsSources): Promise<NewsBatch> {
  const given = (['file', 'url', 'text', 'items'] as const).filter((key) => input[key] !== undefined);
  if (given.length !== 1) throw new DeskError('invalid_input', `give exactly one of file, url, text, items (got ${given.join(', ') || 'none'})`, { field: 'file' });
  const options = { format: input.format, defaultSource: input.source };
  if (input.items !== undefined) return parseRecords(input.items, options);
  if (input.text !== undefined) return parseNews(input.text, options);
  if (input.file !== undefined) {
    if (!sources.readFile) throw new DeskError('invalid_input', 'file ingestion is off on this desk: pass the news as text or items', { field: 'file' });
    const { text, name } = await sources.readFile(input.file);
    return parseNews(text, { ...options, name, defaultSource: input.source ?? name });
  }
  if (!sources.fetchFeed) throw new DeskError('invalid_input', 'network news sources are off: set DESK_NEWS_FEED_HOSTS to the feed hosts the desk may fetch', { field: 'url' });
  return parseNews(await sources.fetchFeed(input.url!), { ...options, format: input.format === 'auto' ? 'feed' : input.format });
}
