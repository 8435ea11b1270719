import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counterIds, fixedClock, type DecisionInput, type DecisionLog } from '../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import { GENESIS_HASH, chainHash, createDecisionLog, type Database } from './index.ts';

function decision(threadId: string, output: unknown = { reply: 'ok' }): DecisionInput {
  return {
    threadId, parentId: null, agent: 'risk', kind: 'reply', input: { message: 'check AAPL', nested: { b: 2, a: 1 } },
    toolCalls: [{ id: 'call-1', server: 'risk', tool: 'check_order', arguments: { symbol: 'AAPL' }, result: { approved: true }, isError: false, latencyMs: 1.5 }],
    output, model: 'offline', inputTokens: 10, outputTokens: 20, latencyMs: 12.25,
  };
}

/** As superuser: bypass the append-only trigger for one statement, the way an attacker with access would. */
async function tamper(db: Database, sql: string): Promise<void> {
  const client = await db.pool.connect();
  try {
    await client.query("SET session_replication_role = 'replica'");
    await client.query(sql);
  } finally {
    await client.query("SET session_replication_role = 'origin'");
    client.release();
  }
}

describe.each(testDatabaseKinds)('the decision log on %s', (kind) => {
  let db: Database;
  let log: DecisionLog;
  beforeEach(async () => {
    db = await openTestDatabase(kind);
    log = createDecisionLog(db, { clock: fixedClock('2026-01-02T03:04:05Z', 1000), ids: counterIds() });
  });
  afterEach(async () => db?.close());

  it('chains decisions from the genesis hash and returns them as stored', async () => {
    const first = await log.append(decision('t1'));
    const second = await log.append({ ...decision('t1'), parentId: first.id });
    expect(first).toMatchObject({ id: 'dec_000001', sequence: 1, createdAt: '2026-01-02T03:04:05.000Z', previousHash: GENESIS_HASH });
    expect(second.previousHash).toBe(first.hash);
    const { previousHash, hash, ...content } = second;
    expect(hash).toBe(chainHash(previousHash, content));
    expect((await log.listByThread('t1')).decisions).toEqual([first, second]);
  });

  it('chains critic verdicts on their own and lists them with the thread', async () => {
    const made = await log.append(decision('t1'));
    const verdict = await log.appendVerdict({ decisionId: made.id, threadId: 't1', verdict: 'approve', reasons: ['grounded'], checks: [{ name: 'grounding', passed: true, detail: 'all figures from tools' }] });
    expect(verdict).toMatchObject({ id: 'verdict_000001', sequence: 1, previousHash: GENESIS_HASH, decisionId: made.id });
    expect(await log.listByThread('t1')).toEqual({ decisions: [made], verdicts: [verdict] });
    expect(await log.listRecent(5)).toEqual({ decisions: [made], verdicts: [verdict] });
    await expect(log.appendVerdict({ ...verdict, decisionId: 'dec_missing' })).rejects.toThrow(/no decision dec_missing/);
    expect(await log.getDecision(made.id)).toEqual({ decision: made, verdicts: [verdict] });
    expect(await log.getDecision('dec_missing')).toBeNull();
  });

  it('verifies an intact log', async () => {
    for (const thread of ['a', 'b', 'c']) await log.append(decision(thread));
    expect(await log.verify()).toEqual({ ok: true, decisions: 3, verdicts: 0, firstBrokenSequence: null, problem: null });
  });

  it('keeps the chain linear under 20 concurrent appends', async () => {
    const appended = await Promise.all(Array.from({ length: 20 }, (_, index) => log.append(decision(`t${index % 3}`, { index }))));
    expect(appended.map((entry) => entry.sequence).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await log.verify()).toMatchObject({ ok: true, decisions: 20 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of decisions and verdicts', async () => {
    const made = await log.append(decision('t1'));
    await log.appendVerdict({ decisionId: made.id, threadId: 't1', verdict: 'block', reasons: [], checks: [] });
    await expect(db.pool.query(`UPDATE decisions SET output = '{"reply":"changed"}'`)).rejects.toThrow(/decisions is append-only: UPDATE refused/);
    await expect(db.pool.query('DELETE FROM decisions')).rejects.toThrow(/decisions is append-only: DELETE refused/);
    await expect(db.pool.query("UPDATE critic_verdicts SET verdict = 'approve'")).rejects.toThrow(/critic_verdicts is append-only: UPDATE refused/);
    await expect(db.pool.query('TRUNCATE critic_verdicts')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await log.verify()).toMatchObject({ ok: true, decisions: 1, verdicts: 1 });
  });

  it('detects an output altered behind the trigger, naming the first broken sequence', async () => {
    for (let index = 0; index < 4; index += 1) await log.append(decision('t1', { index }));
    await tamper(db, `UPDATE decisions SET output = '{"index": 99}' WHERE sequence = 2`);
    expect(await log.verify()).toMatchObject({ ok: false, decisions: 4, firstBrokenSequence: 2, problem: expect.stringMatching(/^decision 2 \(dec_000002\) was altered/) });
  });

  it('detects a deleted decision and a rewritten verdict chain', async () => {
    const made = [];
    for (let index = 0; index < 3; index += 1) made.push(await log.append(decision('t1', { index })));
    await log.appendVerdict({ decisionId: made[0].id, threadId: 't1', verdict: 'block', reasons: ['risky'], checks: [] });
    await tamper(db, "UPDATE critic_verdicts SET verdict = 'approve'");
    expect(await log.verify()).toMatchObject({ ok: false, firstBrokenSequence: 1, problem: expect.stringMatching(/^critic verdict 1 .* was altered/) });
    await tamper(db, 'DELETE FROM decisions WHERE sequence = 2');
    expect(await log.verify()).toMatchObject({ ok: false, firstBrokenSequence: 2, problem: 'decision 2 is missing (next stored sequence is 3)' });
  });
});
