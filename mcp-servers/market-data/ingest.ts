import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { z } from 'zod';
import { DataIssueSchema, DeskError, MergeCountsSchema, type BarImportStore, type Clock, type IdSource, type ImportProgress, type ImportRun, type MarketDataSource } from '../../core/index.ts';
import type { ColumnMap, CsvFormat, ImportDeps } from '../../tools/market/index.ts';

/** What the import tools need, injected by apps/ (mcp-servers never import adapters). */
export interface MarketDataIngest {
  /** Named sources: synthetic always; yahoo and alpaca when configured. */
  sources: Record<string, MarketDataSource>;
  /** A CSV file as a source (apps/ confine paths to the data directory). */
  openCsv(file: { path: string; format: CsvFormat; columns?: ColumnMap }): MarketDataSource;
  imports: BarImportStore;
  clock: Clock;
  ids: IdSource;
  sleep(delayMs: number): Promise<void>;
  /** Symbols and source of `refresh` when the call names none. */
  refresh: { symbols: string[]; source: string };
}

export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Issues listed per run in a tool answer; the full list is in import_runs. */
const ISSUES_SHOWN = 50;

export const importRunOutput = z.object({
  id: z.string(), source: z.string(), symbol: z.string(), from: z.string().nullable(), to: z.string().nullable(),
  status: z.enum(['imported', 'refused', 'failed']), rowsRead: z.number(), skipped: z.number(), counts: MergeCountsSchema,
  issueCount: z.number(), issues: z.array(DataIssueSchema), error: z.string().nullable(),
});

/** A run for a tool answer, its issues cut to the first 50 (errors first). */
export function summariseRun(run: ImportRun): z.infer<typeof importRunOutput> {
  const { startedAt: _started, finishedAt: _finished, issues, ...rest } = run;
  return { ...rest, issueCount: issues.length, issues: issues.slice(0, ISSUES_SHOWN) };
}

export function importDeps(ingest: MarketDataIngest): ImportDeps {
  return { store: ingest.imports, clock: ingest.clock, ids: ingest.ids, sleep: (delayMs) => ingest.sleep(delayMs) };
}

/** A named source, or a DeskError listing the configured ones. */
export function pickSource(ingest: MarketDataIngest, name: string): MarketDataSource {
  const source = ingest.sources[name];
  if (!source) {
    throw new DeskError('invalid_input', `source ${name} is not configured here; available: csv, ${Object.keys(ingest.sources).join(', ')} (yahoo needs DESK_YAHOO=1, alpaca needs APCA_API_KEY_ID and APCA_API_SECRET_KEY)`, { field: 'source' });
  }
  return source;
}

/**
 * Progress notifications for a request that carries a progressToken; a no-op otherwise.
 * `progress` must increase, so each event counts one step more than the last.
 */
export function progressReporter(extra: ToolExtra, describe: (progress: ImportProgress) => string): ((progress: ImportProgress) => void) | undefined {
  const token = extra._meta?.progressToken;
  if (token === undefined) return undefined;
  let step = 0;
  return (progress) => {
    step += 1;
    void extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: step, message: describe(progress) } }).catch(() => {});
  };
}
