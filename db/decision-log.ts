import type pg from 'pg';
import {
  CriticVerdictInputSchema, DecisionInputSchema, DeskError, parseWith,
  type ChainVerification, type Clock, type CriticVerdict, type Decision, type DecisionLog, type IdSource,
} from '../core/index.ts';
import { ChainChecker, GENESIS_HASH, chainHash } from './decision-chain.ts';
import {
  DECISION_FIELDS, VERDICT_FIELDS, asStoredJson, decisionFromRow, decisionParams, placeholders, verdictFromRow, verdictParams,
} from './decision-rows.ts';
import type { Database } from './database.ts';
import { LOCKS, hasSqlState, inTransaction } from './sql.ts';

const VERIFY_PAGE = 500;

/**
 * The append-only, hash-chained decision log. Decisions and critic verdicts each form a chain:
 * hash = sha256(previous_hash + canonical JSON of the row's content), the first previous_hash
 * being GENESIS_HASH. Appends take a transaction-scoped advisory lock, so the chain stays linear
 * under concurrency; a trigger refuses UPDATE, DELETE and TRUNCATE; verify() recomputes both chains.
 * Lists are in chain order (oldest first); listRecent(n) gives the latest n of each.
 *
 * @example
 * const log = createDecisionLog(db, { clock: systemClock, ids });
 * const decision = await log.append({ threadId: 't1', parentId: null, agent: 'risk', kind: 'reply', ... });
 * await log.verify(); // { ok: true, decisions: 1, verdicts: 0, firstBrokenSequence: null, problem: null }
 */
export function createDecisionLog(db: Database, deps: { clock: Clock; ids: IdSource }): DecisionLog {
  return {
    append: (input) => {
      const parsed = parseWith(DecisionInputSchema, input, 'decision');
      return inTransaction(db.pool, LOCKS.decisions, async (client) => {
        const { sequence, previousHash } = await chainTip(client, 'decisions');
        const content = {
          ...parsed, id: deps.ids.next('dec'), sequence, createdAt: deps.clock.now().toISOString(),
          input: asStoredJson(parsed.input), toolCalls: asStoredJson(parsed.toolCalls) as Decision['toolCalls'], output: asStoredJson(parsed.output),
        };
        const decision: Decision = { ...content, previousHash, hash: chainHash(previousHash, content) };
        const result = await client.query(`INSERT INTO decisions (${DECISION_FIELDS}) VALUES (${placeholders(DECISION_FIELDS)}) RETURNING *`, decisionParams(decision));
        return decisionFromRow(result.rows[0]);
      });
    },
    appendVerdict: (input) => {
      const parsed = parseWith(CriticVerdictInputSchema, input, 'critic verdict');
      return inTransaction(db.pool, LOCKS.verdicts, async (client) => {
        const { sequence, previousHash } = await chainTip(client, 'critic_verdicts');
        const content = { ...parsed, id: deps.ids.next('verdict'), sequence, createdAt: deps.clock.now().toISOString() };
        const verdict: CriticVerdict = { ...content, previousHash, hash: chainHash(previousHash, content) };
        try {
          const result = await client.query(`INSERT INTO critic_verdicts (${VERDICT_FIELDS}) VALUES (${placeholders(VERDICT_FIELDS)}) RETURNING *`, verdictParams(verdict));
          return verdictFromRow(result.rows[0]);
        } catch (error) {
          if (!hasSqlState(error, '23503')) throw error;
          throw new DeskError('not_found', `no decision ${parsed.decisionId} for this critic verdict`, { decisionId: parsed.decisionId }, { cause: error });
        }
      });
    },
    listByThread: async (threadId) => ({
      decisions: (await db.pool.query(`SELECT * FROM decisions WHERE thread_id = $1 ORDER BY sequence`, [threadId])).rows.map(decisionFromRow),
      verdicts: (await db.pool.query(`SELECT * FROM critic_verdicts WHERE thread_id = $1 ORDER BY sequence`, [threadId])).rows.map(verdictFromRow),
    }),
    listRecent: async (limit) => {
      const count = Math.max(0, Math.floor(limit));
      return {
        decisions: (await db.pool.query(`SELECT * FROM (SELECT * FROM decisions ORDER BY sequence DESC LIMIT $1) recent ORDER BY sequence`, [count])).rows.map(decisionFromRow),
        verdicts: (await db.pool.query(`SELECT * FROM (SELECT * FROM critic_verdicts ORDER BY sequence DESC LIMIT $1) recent ORDER BY sequence`, [count])).rows.map(verdictFromRow),
      };
    },
    getDecision: async (id) => {
      const decision = (await db.pool.query(`SELECT * FROM decisions WHERE id = $1`, [id])).rows.map(decisionFromRow)[0];
      if (!decision) return null;
      const verdicts = (await db.pool.query(`SELECT * FROM critic_verdicts WHERE decision_id = $1 ORDER BY sequence`, [id])).rows.map(verdictFromRow);
      return { decision, verdicts };
    },
    verify: () => verifyChains(db.pool),
  };
}

async function chainTip(client: pg.PoolClient, table: 'decisions' | 'critic_verdicts'): Promise<{ sequence: number; previousHash: string }> {
  const result = await client.query<{ sequence: string; hash: string }>(`SELECT sequence, hash FROM ${table} ORDER BY sequence DESC LIMIT 1`);
  const last = result.rows[0];
  return last ? { sequence: Number(last.sequence) + 1, previousHash: last.hash } : { sequence: 1, previousHash: GENESIS_HASH };
}

async function verifyChains(pool: pg.Pool): Promise<ChainVerification> {
  const decisions = await checkChain(pool, 'decisions', new ChainChecker('decision'), decisionFromRow);
  const verdicts = await checkChain(pool, 'critic_verdicts', new ChainChecker('critic verdict'), verdictFromRow);
  const broken = decisions.ok ? verdicts : decisions;
  return {
    ok: decisions.ok && verdicts.ok,
    decisions: decisions.count,
    verdicts: verdicts.count,
    firstBrokenSequence: broken.brokenSequence,
    problem: broken.problem,
  };
}

async function checkChain<T extends Decision | CriticVerdict>(pool: pg.Pool, table: string, checker: ChainChecker, fromRow: (row: Record<string, unknown>) => T): Promise<ChainChecker> {
  let after = 0;
  for (;;) {
    const page = (await pool.query(`SELECT * FROM ${table} WHERE sequence > $1 ORDER BY sequence LIMIT $2`, [after, VERIFY_PAGE])).rows.map(fromRow);
    for (const row of page) checker.check(row);
    if (page.length < VERIFY_PAGE) return checker;
    after = page[page.length - 1].sequence;
  }
}
