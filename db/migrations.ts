import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type pg from 'pg';
import { DeskError } from '../core/index.ts';
import type { Database } from './database.ts';
import { loadMigrationFiles, type MigrationFile } from './migration-files.ts';
import { LOCKS, LOCK_NAMESPACE, databaseError, isoTimestamp } from './sql.ts';

export interface MigrationResult {
  /** Migrations applied by this call, e.g. ['003_risk_limits']. */
  applied: string[];
  /** Migrations not applied because they need pgvector and it is unavailable. */
  skipped: string[];
  /** Every migration this code knows, in order. */
  all: string[];
}

export interface MigrationState {
  version: number;
  name: string;
  state: 'applied' | 'pending' | 'skipped' | 'changed';
  appliedAt: string | null;
}

interface AppliedRow { version: number; name: string; checksum: string; applied_at: Date }

/**
 * Apply pending migrations, each once and in its own transaction, recorded in schema_migrations;
 * then create LangGraph's checkpoint tables. A session advisory lock makes concurrent callers
 * (other processes too) take turns. Refuses (database_error) when an applied migration's file
 * has changed or the database holds a migration this code does not know.
 *
 * @example const { applied, skipped } = await migrate(db);
 */
export async function migrate(db: Database): Promise<MigrationResult> {
  const files = loadMigrationFiles();
  return withMigrationLock(db, async (client) => {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = await readApplied(client);
    checkApplied(files, applied);
    const result: MigrationResult = { applied: [], skipped: [], all: files.map((file) => file.name) };
    for (const file of files.filter((entry) => !applied.has(entry.version))) {
      if (file.requiresVector && !db.vector.enabled) {
        result.skipped.push(file.name);
        continue;
      }
      await applyMigration(client, file);
      result.applied.push(file.name);
    }
    await setupCheckpointTables(client);
    return result;
  });
}

/**
 * Every known migration with its state, without changing anything.
 * @example (await migrationStatus(db)).filter((entry) => entry.state === 'pending')
 */
export async function migrationStatus(db: Database): Promise<MigrationState[]> {
  const exists = await db.pool.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  const applied = exists.rows[0].present ? await readApplied(db.pool) : new Map<number, AppliedRow>();
  return loadMigrationFiles().map((file) => {
    const row = applied.get(file.version);
    const waiting = file.requiresVector && !db.vector.enabled ? 'skipped' : 'pending';
    const state = !row ? waiting : row.checksum === file.checksum ? 'applied' : 'changed';
    return { version: file.version, name: file.name, state, appliedAt: row ? isoTimestamp(row.applied_at) : null };
  });
}

/**
 * Run `work` on one client holding the session-level migration lock. The lock is released (and
 * the client returned) afterwards, also on error.
 */
export async function withMigrationLock<T>(db: Database, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, LOCKS.migrations]);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, LOCKS.migrations]).catch((error: Error) => { broken = error; });
    }
  } finally {
    client.release(broken);
  }
}

async function readApplied(queryable: pg.Pool | pg.PoolClient): Promise<Map<number, AppliedRow>> {
  const result = await queryable.query<AppliedRow>('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version');
  return new Map(result.rows.map((row) => [row.version, row]));
}

function checkApplied(files: MigrationFile[], applied: Map<number, AppliedRow>): void {
  for (const row of applied.values()) {
    const file = files.find((entry) => entry.version === row.version);
    if (!file) {
      throw new DeskError('database_error', `the database has migration ${row.name} (version ${row.version}), which this code does not know: it was migrated by a newer desk`, { version: row.version });
    }
    if (file.checksum !== row.checksum) {
      throw new DeskError('database_error', `migration ${file.name} was changed after it was applied (checksum recorded ${row.checksum.slice(0, 12)}…, file ${file.checksum.slice(0, 12)}…): restore the file and put the change in a new migration`, { version: row.version });
    }
  }
}

async function applyMigration(client: pg.PoolClient, file: MigrationFile): Promise<void> {
  try {
    await client.query('BEGIN');
    await client.query(file.sql);
    await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [file.version, file.name, file.checksum]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw databaseError(`migration ${file.name} failed`, error);
  }
}

/**
 * LangGraph's PostgresSaver.setup() takes a client from the pool it was given. Hand it the client
 * that holds the migration lock (wrapped so its release is a no-op): on the embedded database the
 * pool has one connection, which is already ours, and on a server the setup must not race.
 */
async function setupCheckpointTables(client: pg.PoolClient): Promise<void> {
  const lockedPool = { connect: async () => ({ query: client.query.bind(client), release: () => {} }) };
  try {
    await new PostgresSaver(lockedPool as unknown as pg.Pool).setup();
  } catch (error) {
    throw databaseError('creating the LangGraph checkpoint tables failed', error);
  }
}

/**
 * A LangGraph checkpointer on this database, its tables set up.
 * @example const graph = builder.compile({ checkpointer: await createCheckpointer(db) });
 */
export async function createCheckpointer(db: Database): Promise<PostgresSaver> {
  await withMigrationLock(db, setupCheckpointTables);
  return new PostgresSaver(db.pool);
}
