import { afterEach, describe, expect, it } from 'vitest';
import { isDeskError } from '../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import { VECTOR_MISSING_REASON, createCheckpointer, loadMigrationFiles, migrate, migrationStatus, type Database } from './index.ts';

const ALL = loadMigrationFiles().map((file) => file.name);
const TABLES = ['bars', 'orders', 'fills', 'positions', 'account', 'decisions', 'critic_verdicts', 'risk_limits', 'risk_limit_changes', 'schema_migrations', 'checkpoints', 'checkpoint_blobs', 'checkpoint_writes'];

async function tableNames(db: Database): Promise<string[]> {
  const result = await db.pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
  return result.rows.map((row) => row.table_name);
}

describe.each(testDatabaseKinds)('migrations on %s', (kind) => {
  let db: Database | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('apply each migration once and a second run applies nothing', async () => {
    db = await openTestDatabase(kind, { migrated: false });
    const first = await migrate(db);
    const vectorMigrations = kind === 'embedded' ? [] : ['004_documents'];
    expect(first).toEqual({ applied: ALL.filter((name) => !vectorMigrations.includes(name)), skipped: vectorMigrations, all: ALL });
    expect(await tableNames(db)).toEqual(expect.arrayContaining(TABLES));
    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    const states = (await migrationStatus(db)).map((entry) => entry.state);
    expect(states).toEqual(ALL.map((name) => (vectorMigrations.includes(name) ? 'skipped' : 'applied')));
  });

  it('lets two concurrent migrate calls take turns: every migration is applied exactly once', async () => {
    db = await openTestDatabase(kind, { migrated: false });
    const [one, two] = await Promise.all([migrate(db), migrate(db)]);
    expect([...one.applied, ...two.applied].sort()).toEqual(ALL.filter((name) => kind === 'embedded' || name !== '004_documents'));
    const recorded = await db.pool.query('SELECT version FROM schema_migrations');
    expect(recorded.rowCount).toBe(kind === 'embedded' ? ALL.length : ALL.length - 1);
  });

  it('refuses to run when an applied migration has a different checksum', async () => {
    db = await openTestDatabase(kind);
    await db.pool.query("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");
    const error = await migrate(db).catch((caught: unknown) => caught);
    expect(isDeskError(error, 'database_error')).toBe(true);
    expect((error as Error).message).toMatch(/migration 001_market_and_execution was changed after it was applied/);
    expect((await migrationStatus(db))[0].state).toBe('changed');
  });

  it('refuses a database migrated by code that knows more migrations', async () => {
    db = await openTestDatabase(kind);
    await db.pool.query("INSERT INTO schema_migrations (version, name, checksum) VALUES (999, '999_future', 'x')");
    await expect(migrate(db)).rejects.toThrow(/999_future .* this code does not know/);
  });

  it('sets up the LangGraph checkpointer tables', async () => {
    db = await openTestDatabase(kind);
    const checkpointer = await createCheckpointer(db);
    expect(await checkpointer.getTuple({ configurable: { thread_id: 'nothing-yet' } })).toBeUndefined();
  });
});

describe('pgvector', () => {
  it('is enabled on the embedded database, with the documents table and its HNSW index', async () => {
    const db = await openTestDatabase('embedded');
    try {
      expect(db.vector).toEqual({ enabled: true, reason: null });
      const column = await db.pool.query("SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'documents'::regclass AND attname = 'embedding'");
      expect(column.rows[0].type).toBe('vector(256)');
      const index = await db.pool.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'documents_embedding_idx'");
      expect(index.rows[0].indexdef).toMatch(/USING hnsw/);
    } finally {
      await db.close();
    }
  });

  it.runIf(testDatabaseKinds.includes('server'))('is reported disabled, with the reason, on the native server, and its migration is skipped', async () => {
    const db = await openTestDatabase('server');
    try {
      expect(db.vector).toEqual({ enabled: false, reason: VECTOR_MISSING_REASON });
      expect(await tableNames(db)).not.toContain('documents');
      expect((await migrationStatus(db)).find((entry) => entry.name === '004_documents')?.state).toBe('skipped');
    } finally {
      await db.close();
    }
  });
});
