import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterIds, fixedClock, isDeskError } from '../../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../../test-support/databases.ts';
import { loadConfig } from './config.ts';
import { openDesk, type Desk } from './desk.ts';

describe.each(testDatabaseKinds)('human approval on the %s database', (kind) => {
  const home = mkdtempSync(join(tmpdir(), 'desk-approval-'));
  const config = loadConfig({ DESK_HOME: home, DESK_RISK_SECRET: 'r', DESK_CRITIC_SECRET: 'c', DESK_HUMAN_APPROVAL: '5000' });
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let first: Desk;
  const uniqueIds = (tag: string) => {
    const counter = counterIds();
    return { next: (prefix: string) => counter.next(`${prefix}_${tag}`) };
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    first = await openDesk(config, { role: 'test', database, clock: fixedClock('2026-01-05T14:30:00Z', 1000), ids: uniqueIds('a') });
  });
  afterAll(async () => {
    await database?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('places an order under the threshold without asking', async () => {
    const result = await first.chat('buy 2 AAPL', { threadId: 'small' });
    expect(result.pendingApproval).toBeNull();
    expect(result.reply).toMatch(/^Bought 2 AAPL/);
  });

  it('pauses an order above the threshold, sends nothing, and refuses new turns on that thread', async () => {
    const result = await first.chat('buy 10 AAPL', { threadId: 'big' });
    expect(result.pendingApproval).toMatchObject({ threadId: 'big', order: { symbol: 'AAPL', side: 'buy', quantity: '10' } });
    expect(result.reply).toMatch(/waits for human approval: npx desk approve big/);
    expect(result.toolCalls.map((call) => call.tool)).toEqual(['check_order']);
    expect((await first.serverDeps.execution.listOrders()).map((order) => order.quantity)).toEqual(['2']);
    await expect(first.chat('show my positions', { threadId: 'big' })).rejects.toSatisfy((error) => isDeskError(error, 'conflict'));
  });

  it('is approved hours later by another desk process, re-checks risk, and places the order', async () => {
    await first.close();
    const later = await openDesk(config, { role: 'test', database, clock: fixedClock('2026-01-05T18:00:00Z', 1000), ids: uniqueIds('b') });
    const result = await later.approve('big', { decision: 'approve', by: 'alice' });
    expect(result.pendingApproval).toBeNull();
    expect(result.toolCalls.map((call) => call.tool)).toEqual(['check_order', 'check_order', 'approve_order', 'place_order']);
    expect(result.reply).toMatch(/^Bought 10 AAPL/);
    const human = (await later.serverDeps.decisions.listByThread('big')).decisions.find((decision) => decision.agent === 'human');
    expect(human).toMatchObject({ kind: 'human-approval', output: { decision: 'approve', by: 'alice' } });
    await expect(later.approve('big', { decision: 'approve', by: 'alice' })).rejects.toSatisfy((error) => isDeskError(error, 'not_found'));

    const rejected = await later.chat('sell 12 AAPL', { threadId: 'reject-me' });
    expect(rejected.pendingApproval).not.toBeNull();
    const answer = await later.approve('reject-me', { decision: 'reject', by: 'bob', note: 'too big' });
    expect(answer.reply).toMatch(/rejected by bob: too big; nothing was sent/);
    expect((await later.serverDeps.execution.listOrders()).map((order) => order.quantity)).toEqual(['10', '2']);
    expect((await later.serverDeps.decisions.verify()).ok).toBe(true);
    await later.close();
  });
});
