import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMarketDataStore, migrate, openDatabase } from './index.ts';

describe('the embedded database on disk', () => {
  const home = mkdtempSync(join(tmpdir(), 'desk-db-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('lives in ${home}/pgdata and keeps its data across reopening', async () => {
    const lines: string[] = [];
    const first = await openDatabase({ home, log: (line) => lines.push(line) });
    expect(first).toMatchObject({ kind: 'embedded', location: join(home, 'pgdata'), vector: { enabled: true, reason: null } });
    expect(lines).toEqual([`database: embedded at ${join(home, 'pgdata')}; pgvector on`]);
    await migrate(first);
    await createMarketDataStore(first).upsertBars({ symbol: 'KEEP', dates: ['2026-01-02'], open: Float64Array.of(1), high: Float64Array.of(2), low: Float64Array.of(0.5), close: Float64Array.of(1.5), volume: Float64Array.of(10) });
    await first.close();

    const second = await openDatabase({ home });
    try {
      expect((await migrate(second)).applied).toEqual([]);
      expect(await createMarketDataStore(second).latestClose('KEEP')).toEqual({ date: '2026-01-02', close: 1.5 });
    } finally {
      await second.close();
    }
  });
});
