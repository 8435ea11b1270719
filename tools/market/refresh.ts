import type { ImportProgress, ImportRun, MarketDataSource } from '../../core/index.ts';
import { formatIsoDate, parseIsoDate, shiftMonths } from './calendar.ts';
import { importBars, type ImportDeps } from './import-bars.ts';
import type { RetryPolicy } from './retry.ts';

export interface RefreshRequest {
  symbols: readonly string[];
  source: MarketDataSource;
  /** Last stored date of a symbol, or null when it has none. */
  lastStoredDate: (symbol: string) => Promise<string | null>;
  /** Calendar days re-read before the last stored date, to pick up revisions (default 7). */
  overlapDays?: number;
  /** History for a symbol with no bars yet (default 12 months). */
  historyMonths?: number;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress & { position: number; symbols: number }) => void;
}

const DAY_MS = 86_400_000;

/**
 * Bring each symbol up to today from `source`, one after the other: from a week before its last
 * stored bar (or 12 months back for a new symbol) to today. Rows with errors are skipped and each
 * one is recorded on the run (a scheduled job has nobody to ask), never silently; a symbol that
 * fails does not stop the others.
 *
 * @example
 * const runs = await refreshSymbols({ symbols: ['AAPL', 'MSFT'], source: yahoo, lastStoredDate }, deps);
 */
export async function refreshSymbols(request: RefreshRequest, deps: ImportDeps): Promise<ImportRun[]> {
  const today = formatIsoDate(deps.clock.now().getTime());
  const runs: ImportRun[] = [];
  for (const [position, symbol] of request.symbols.entries()) {
    request.signal?.throwIfAborted();
    const last = await request.lastStoredDate(symbol);
    const from = last === null
      ? shiftMonths(today, -(request.historyMonths ?? 12))
      : formatIsoDate(Math.min(parseIsoDate(last, 'last') - (request.overlapDays ?? 7) * DAY_MS, parseIsoDate(today, 'today')));
    const onProgress = request.onProgress && ((progress: ImportProgress) => request.onProgress!({ ...progress, position: position + 1, symbols: request.symbols.length }));
    runs.push(await importBars({ source: request.source, symbol, range: { from, to: today }, skipInvalid: true, retry: request.retry, signal: request.signal, onProgress }, deps));
  }
  return runs;
}
