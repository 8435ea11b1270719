import { createHash } from 'node:crypto';
import { DeskError, StrategySpecSchema, parseWith, type Clock, type IdSource, type StrategySpec, type StrategyStore, type StrategyVersion } from '../core/index.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Database } from './database.ts';
import { databaseError, inTransaction, isoTimestamp, jsonParam } from './sql.ts';

interface VersionRow {
  id: string;
  name: string;
  version: number;
  parent_id: string | null;
  spec: StrategySpec;
  spec_hash: string;
  author: string;
  note: string | null;
  created_at: Date;
}

/** Advisory lock namespace of strategy saves ('STRA'); the key is hashtext(name). */
const STRATEGY_LOCK_NAMESPACE = 0x53545241;
const REFERENCE_FORMS = 'a version id, "name@version" or a strategy name';

/**
 * Strategy versions in `strategy_versions`. save() is idempotent by content: the same spec (same
 * canonical-JSON SHA-256, the value tools/strategy specHash gives) as the latest version of its name
 * returns that version. Saves of one name take turns (a transaction-scoped advisory lock on the name).
 *
 * @example
 * const strategies = createStrategyStore(db, { clock, ids });
 * const { version } = await strategies.save(spec, { author: 'strategy-agent', note: 'wider stop' });
 * await strategies.get(`${version.name}@${version.version}`);
 */
export function createStrategyStore(db: Database, deps: { clock: Clock; ids: IdSource }): StrategyStore {
  const latest = async (name: string): Promise<VersionRow | undefined> =>
    (await db.pool.query<VersionRow>('SELECT * FROM strategy_versions WHERE name = $1 ORDER BY version DESC LIMIT 1', [name])).rows[0];
  return {
    save: async (spec, meta) => {
      const parsed = parseWith(StrategySpecSchema, spec, 'strategy spec') as StrategySpec;
      if (meta.author.trim() === '') throw new DeskError('invalid_input', 'author must name who saves the strategy (an agent or a person)', { field: 'author' });
      const hash = createHash('sha256').update(canonicalJson(parsed)).digest('hex');
      // One writer per name at a time (in this or another process): the version number is read then written.
      return inTransaction(db.pool, null, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [STRATEGY_LOCK_NAMESPACE, parsed.name]);
        const parent = (await client.query<VersionRow>('SELECT * FROM strategy_versions WHERE name = $1 ORDER BY version DESC LIMIT 1', [parsed.name])).rows[0];
        if (parent?.spec_hash === hash) return { version: fromRow(parent), created: false };
        const inserted = await client.query<VersionRow>(
          `INSERT INTO strategy_versions (id, name, version, parent_id, spec, spec_hash, author, note, created_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9) RETURNING *`,
          [deps.ids.next('stv'), parsed.name, (parent?.version ?? 0) + 1, parent?.id ?? null, jsonParam(parsed), hash, meta.author, meta.note ?? null, deps.clock.now().toISOString()]);
        return { version: fromRow(inserted.rows[0]), created: true };
      }).catch((error: unknown) => { throw databaseError(`saving strategy ${parsed.name}`, error); });
    },
    get: async (reference) => {
      const match = /^(.+)@(\d+)$/.exec(reference);
      const row = match
        ? (await db.pool.query<VersionRow>('SELECT * FROM strategy_versions WHERE name = $1 AND version = $2', [match[1], Number(match[2])])).rows[0]
        : (await db.pool.query<VersionRow>('SELECT * FROM strategy_versions WHERE id = $1', [reference])).rows[0] ?? (await latest(reference));
      if (row === undefined) throw new DeskError('not_found', `no stored strategy '${reference}' (give ${REFERENCE_FORMS}; list_strategies shows what is stored)`, { field: 'strategy', reference });
      return fromRow(row);
    },
    list: async (filter = {}) => {
      const result = filter.name === undefined
        ? await db.pool.query<VersionRow>('SELECT DISTINCT ON (name) * FROM strategy_versions ORDER BY name, version DESC')
        : await db.pool.query<VersionRow>('SELECT * FROM strategy_versions WHERE name = $1 ORDER BY version', [filter.name]);
      return result.rows.map(fromRow);
    },
  };
}

function fromRow(row: VersionRow): StrategyVersion {
  return {
    id: row.id, name: row.name, version: row.version, parentId: row.parent_id, specHash: row.spec_hash,
    author: row.author, note: row.note, createdAt: isoTimestamp(row.created_at), spec: row.spec,
  };
}
