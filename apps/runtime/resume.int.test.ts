import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counterIds, fixedClock } from '../../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../../test-support/databases.ts';
import { loadConfig } from './config.ts';
import { openDesk } from './desk.ts';

describe.each(testDatabaseKinds)('threads resume in a new desk instance on the %s database', (kind) => {
  it('continues a thread after the first desk is gone', async () => {
    const home = mkdtempSync(join(tmpdir(), 'desk-resume-'));
    const database = await openTestDatabase(kind);
    const config = loadConfig({ DESK_HOME: home, DESK_RISK_SECRET: 'r', DESK_CRITIC_SECRET: 'c' });
    try {
      const first = await openDesk(config, { role: 'test', database, clock: fixedClock('2026-01-05T14:30:00Z', 1000), ids: counterIds() });
      await first.chat('buy 4 MSFT', { threadId: 'resume-1' });
      await first.close();

      const second = await openDesk(config, { role: 'test', database, clock: fixedClock('2026-01-05T15:30:00Z', 1000), ids: { next: (prefix) => `${prefix}_second_${Math.random().toString(36).slice(2)}` } });
      const result = await second.chat('show my positions', { threadId: 'resume-1' });
      expect(result.reply).toMatch(/MSFT: 4 shares/);
      const history = await second.thread('resume-1');
      expect(history.map((entry) => entry.text.split(' ')[0])).toEqual(['buy', 'Bought', 'show', 'Open']);
      expect((await second.serverDeps.decisions.verify()).ok).toBe(true);
      await second.close();
    } finally {
      await database.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
