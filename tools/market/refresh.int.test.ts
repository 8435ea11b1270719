import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterIds, fixedClock } from '../../core/index.ts';
import { createBarImportStore, createMarketDataStore, type Database } from '../../db/index.ts';
import { openTestDatabase } from '../../test-support/databases.ts';
import { generateDemoMarket } from './demo-universe.ts';
import { refreshSymbols } from './refresh.ts';
import { createSyntheticSource } from './synthetic-source.ts';

describe('refreshSymbols on the embedded database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase('embedded');
    await createMarketDataStore(db).upsertBars(generateDemoMarket({ seed: 42 })[0]);
  });
  afterAll(async () => db?.close());

  it('re-reads a week before the last stored bar, adds the new days, and starts a new symbol 12 months back', async () => {
    const bars = createMarketDataStore(db);
    const deps = { store: createBarImportStore(db), clock: fixedClock('2026-01-09T23:00:00Z'), ids: counterIds(), sleep: async () => {} };
    const progress: string[] = [];
    const runs = await refreshSymbols({
      symbols: ['AAPL', 'NEWCO'], source: createSyntheticSource({ seed: 42 }),
      lastStoredDate: async (symbol) => (await bars.latestClose(symbol))?.date ?? null,
      onProgress: (event) => progress.push(`${event.position}/${event.symbols} ${event.symbol} ${event.phase} ${event.rows}`),
    }, deps);
    // Dec 24-31 2025 are stored already (6 weekdays); Jan 1-9 2026 are 7 new weekdays.
    expect(runs[0]).toMatchObject({ symbol: 'AAPL', from: '2025-12-24', to: '2026-01-09', status: 'imported', counts: { inserted: 7, updated: 0, unchanged: 6 } });
    expect(runs[1]).toMatchObject({ symbol: 'NEWCO', from: '2025-01-09', to: '2026-01-09', status: 'imported' });
    // 2025 has 261 weekdays; minus Jan 1-8 2025 (6), plus Jan 1-9 2026 (7).
    expect(runs[1].counts.inserted).toBe(262);
    expect(progress).toEqual(['1/2 AAPL fetch 13', '1/2 AAPL store 13', '2/2 NEWCO fetch 262', '2/2 NEWCO store 262']);
    expect((await bars.latestClose('AAPL'))?.date).toBe('2026-01-09');
  });
});
