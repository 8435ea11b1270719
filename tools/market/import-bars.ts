import { isDeskError, type BarImportStore, type Clock, type DataIssue, type DateRange, type IdSource, type ImportProgress, type ImportRun, type MarketDataSource } from '../../core/index.ts';
import { formatIsoDate, shiftMonths } from './calendar.ts';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.ts';

export interface ImportDeps {
  store: BarImportStore;
  clock: Clock;
  ids: IdSource;
  sleep: (delayMs: number) => Promise<void>;
}

export interface ImportRequest {
  source: MarketDataSource;
  symbol: string;
  range?: DateRange;
  /** Import the valid rows of a source with errors, reporting each skipped row (default false: refuse). */
  skipInvalid?: boolean;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Import bars of one symbol from a source, with this policy: rows with errors refuse the whole
 * import (status `refused`, nothing written) unless `skipInvalid`, which writes the valid rows and
 * lists every skipped row; warnings (gaps, stale data, suspected splits) never block. Network
 * sources default to the last 12 months up to today. Retryable provider failures are retried with
 * backoff; a failure that remains is a `failed` run. Every run is recorded, and returned.
 *
 * @example
 * const run = await importBars({ source: csv, symbol: 'ACME', skipInvalid: true }, deps);
 * run.counts; // { inserted: 250, updated: 0, unchanged: 0 }
 */
export async function importBars(request: ImportRequest, deps: ImportDeps): Promise<ImportRun> {
  const startedAt = deps.clock.now().toISOString();
  const symbol = request.symbol.trim().toUpperCase();
  const range = effectiveRange(request.source, request.range, startedAt);
  const base = { id: deps.ids.next('imp'), source: request.source.name, symbol, from: range.from ?? null, to: range.to ?? null, startedAt };
  const empty = { inserted: 0, updated: 0, unchanged: 0 };
  let fetched;
  try {
    fetched = await withRetry(() => request.source.fetchBars(symbol, range, { signal: request.signal, onProgress: request.onProgress }), request.retry ?? DEFAULT_RETRY, deps.sleep);
  } catch (error) {
    if (!isDeskError(error)) throw error;
    return record(deps, { ...base, status: 'failed', rowsRead: 0, skipped: 0, counts: empty, issues: [], error: `${error.code}: ${error.message}` });
  }
  const errors = fetched.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0 && !request.skipInvalid) {
    return record(deps, { ...base, status: 'refused', rowsRead: fetched.rowsRead, skipped: 0, counts: empty, issues: fetched.issues, error: refusal(errors) });
  }
  const total = fetched.series.dates.length;
  const counts = await deps.store.mergeBars(fetched.series, (rows) => request.onProgress?.({ symbol, phase: 'store', rows, total }));
  return record(deps, { ...base, status: 'imported', rowsRead: fetched.rowsRead, skipped: errors.length, counts, issues: fetched.issues, error: null });
}

function effectiveRange(source: MarketDataSource, range: DateRange = {}, now: string): DateRange {
  if (!source.network) return range;
  const to = range.to ?? formatIsoDate(Date.parse(now));
  return { from: range.from ?? shiftMonths(to, -12), to };
}

function refusal(errors: DataIssue[]): string {
  const where = errors.slice(0, 5).map((issue) => (issue.line !== undefined ? `line ${issue.line}` : issue.date ?? `row ${issue.index}`)).join(', ');
  return `${errors.length} invalid row(s) (${where}${errors.length > 5 ? ', ...' : ''}); fix them or import with skip-invalid to write the valid rows`;
}

async function record(deps: ImportDeps, run: Omit<ImportRun, 'finishedAt'>): Promise<ImportRun> {
  const finished: ImportRun = { ...run, finishedAt: deps.clock.now().toISOString() };
  await deps.store.recordRun(finished);
  return finished;
}
