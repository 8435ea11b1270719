import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdjustedBarSeries, BarImportStore, ImportRun, MarketDataStore } from '../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import { createBarImportStore, createMarketDataStore, type Database } from './index.ts';

const series = (closes: number[], adjusted?: number[]): AdjustedBarSeries => ({
  symbol: 'MRG', dates: closes.map((_, index) => `2025-01-0${index + 2}`),
  open: Float64Array.from(closes), high: Float64Array.from(closes, (close) => close + 1), low: Float64Array.from(closes, (close) => close - 1),
  close: Float64Array.from(closes), volume: Float64Array.from(closes, () => 100), ...(adjusted ? { adjClose: Float64Array.from(adjusted) } : {}),
});

describe.each(testDatabaseKinds)('the bar import store on %s', (kind) => {
  let db: Database;
  let imports: BarImportStore;
  let bars: MarketDataStore;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    imports = createBarImportStore(db);
    bars = createMarketDataStore(db);
  });
  afterAll(async () => db?.close());

  it('counts inserted, updated and unchanged rows, so a re-import writes nothing', async () => {
    const stored: number[] = [];
    expect(await imports.mergeBars(series([10, 11, 12]), (rows) => stored.push(rows))).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    expect(stored).toEqual([3]);
    expect(await imports.mergeBars(series([10, 11, 12]))).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await imports.mergeBars(series([10, 11.5, 12, 13]))).toEqual({ inserted: 1, updated: 1, unchanged: 2 });
    expect(await imports.mergeBars(series([10, 11.5, 12, 13], [5, 11.5, 12, 13]))).toEqual({ inserted: 0, updated: 1, unchanged: 3 });
    expect(Array.from((await bars.getBars('MRG')).close)).toEqual([10, 11.5, 12, 13]);
  });

  it('records import runs with their issues and lists them newest first', async () => {
    const run = (id: string, startedAt: string): ImportRun => ({
      id, source: 'csv', symbol: 'MRG', from: null, to: '2025-01-31', status: 'refused', rowsRead: 3, skipped: 0,
      counts: { inserted: 0, updated: 0, unchanged: 0 }, error: '1 invalid row(s) (line 3)', startedAt, finishedAt: startedAt,
      issues: [{ severity: 'error', code: 'invalid_value', message: 'line 3, column Open: "x" is not valid (expected a number > 0)', line: 3, index: 1 }],
    });
    await imports.recordRun(run('imp_1', '2025-02-01T10:00:00.000Z'));
    await imports.recordRun(run('imp_2', '2025-02-02T10:00:00.000Z'));
    const listed = await imports.listRuns({ symbol: 'mrg' });
    expect(listed.map((entry) => entry.id)).toEqual(['imp_2', 'imp_1']);
    expect(listed[1]).toEqual(run('imp_1', '2025-02-01T10:00:00.000Z'));
    expect(await imports.listRuns({ symbol: 'OTHER' })).toEqual([]);
  });
});
