import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterIds, DeskError, fixedClock, type FetchedBars, type MarketDataSource } from '../../core/index.ts';
import { createBarImportStore, createMarketDataStore, type Database } from '../../db/index.ts';
import { openTestDatabase } from '../../test-support/databases.ts';
import { parseBarCsv } from './csv-bars.ts';
import { importBars, type ImportDeps } from './import-bars.ts';
import { validateBars } from './validate-bars.ts';

const CSV = 'Date,Open,High,Low,Close,Volume\n2025-01-02,10,11,9,10.5,100\n2025-01-03,10.5,10,9,10.2,100\n2025-01-06,10.2,11,10,10.8,100\n';

function csvSource(text: string): MarketDataSource {
  return {
    name: 'csv', network: false,
    fetchBars: async (symbol): Promise<FetchedBars> => {
      const parsed = parseBarCsv(text, { format: 'yahoo' });
      const { series, issues } = validateBars(symbol, parsed.candidates, { columns: parsed.columns });
      return { series, issues: [...parsed.issues, ...issues], rowsRead: parsed.rowsRead };
    },
  };
}

/** A network source failing with the given errors first, then answering with two bars of the range asked. */
function flakySource(failures: DeskError[]): MarketDataSource & { ranges: unknown[] } {
  const ranges: unknown[] = [];
  return {
    name: 'flaky', network: true, ranges,
    fetchBars: async (symbol, range) => {
      ranges.push(range);
      const failure = failures.shift();
      if (failure) throw failure;
      return { ...validateBars(symbol, [{ index: 0, date: '2026-03-02', open: 5, high: 6, low: 4, close: 5.5, volume: 1 }]), rowsRead: 1 };
    },
  };
}

describe('importBars on the embedded database', () => {
  let db: Database;
  let deps: ImportDeps;
  const sleeps: number[] = [];
  beforeAll(async () => {
    db = await openTestDatabase('embedded');
    deps = { store: createBarImportStore(db), clock: fixedClock('2026-03-04T12:00:00Z'), ids: counterIds(), sleep: async (delayMs) => { sleeps.push(delayMs); } };
  });
  afterAll(async () => db?.close());

  it('refuses a file with an invalid row, writing nothing and naming the line', async () => {
    const run = await importBars({ source: csvSource(CSV), symbol: 'acme' }, deps);
    expect(run).toMatchObject({ id: 'imp_000001', status: 'refused', symbol: 'ACME', rowsRead: 3, skipped: 0, counts: { inserted: 0, updated: 0, unchanged: 0 } });
    expect(run.error).toBe('1 invalid row(s) (line 3); fix them or import with skip-invalid to write the valid rows');
    expect(run.issues[0].message).toBe('line 3, column High: "10" is not valid (below the open, close or low of the bar)');
    expect((await createMarketDataStore(db).listSymbols()).map((info) => info.symbol)).not.toContain('ACME');
    expect((await deps.store.listRuns({ symbol: 'ACME' }))[0].status).toBe('refused');
  });

  it('with skipInvalid writes the valid rows, reports the skipped one, and is idempotent', async () => {
    const progress: string[] = [];
    const first = await importBars({ source: csvSource(CSV), symbol: 'ACME', skipInvalid: true, onProgress: (event) => progress.push(`${event.phase}:${event.rows}`) }, deps);
    expect(first).toMatchObject({ status: 'imported', skipped: 1, counts: { inserted: 2, updated: 0, unchanged: 0 } });
    expect(progress).toEqual(['store:2']);
    const again = await importBars({ source: csvSource(CSV), symbol: 'ACME', skipInvalid: true }, deps);
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('retries 5xx and 429 with doubling delays, defaults a network range to the last 12 months, and gives up on a 4xx', async () => {
    sleeps.length = 0;
    const source = flakySource([new DeskError('provider_error', 'HTTP 503', { retryable: true }), new DeskError('provider_error', 'HTTP 429', { retryable: true })]);
    const run = await importBars({ source, symbol: 'NET' }, deps);
    expect(run).toMatchObject({ status: 'imported', from: '2025-03-04', to: '2026-03-04', counts: { inserted: 1 } });
    expect(sleeps).toEqual([1000, 2000]);
    expect(source.ranges).toHaveLength(3);
    const refused = flakySource([new DeskError('provider_error', 'HTTP 403 forbidden', { retryable: false })]);
    const failed = await importBars({ source: refused, symbol: 'NET' }, deps);
    expect(failed).toMatchObject({ status: 'failed', error: 'provider_error: HTTP 403 forbidden' });
    expect(refused.ranges).toHaveLength(1);
  });
});
