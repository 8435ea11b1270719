import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { counterIds, fixedClock } from '../core/index.ts';
import type { ModelProvider } from '../agents/index.ts';
import { loadConfig } from '../apps/runtime/config.ts';
import { openDesk, type Desk } from '../apps/runtime/desk.ts';
import { openTestDatabase, type testDatabaseKinds } from './databases.ts';

export type TestDatabaseKind = (typeof testDatabaseKinds)[number];

/**
 * A whole desk on a fresh test database (embedded or server), with a fixed clock, counter ids,
 * the seeded demo market and its own DESK_HOME. Close it with `close()`.
 */
export async function openTestDesk(kind: TestDatabaseKind, options: { provider?: ModelProvider; env?: Record<string, string> } = {}): Promise<Desk & { home: string }> {
  const home = mkdtempSync(join(tmpdir(), 'desk-test-'));
  const database = await openTestDatabase(kind);
  const config = loadConfig({ DESK_HOME: home, DESK_RISK_SECRET: 'test-risk-secret', DESK_CRITIC_SECRET: 'test-critic-secret', ...options.env });
  const desk = await openDesk(config, { role: 'test', database, clock: fixedClock('2026-01-05T14:30:00Z', 1000), ids: counterIds(), provider: options.provider });
  return {
    ...desk,
    home,
    close: async () => {
      await desk.close();
      await database.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
