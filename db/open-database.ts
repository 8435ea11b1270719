import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { vector } from '@electric-sql/pglite-pgvector';
import pg from 'pg';
import { DeskError } from '../core/index.ts';
import { enableVector, maskDatabaseUrl, type Database, type OpenDatabaseOptions } from './database.ts';

const embeddedEngines = new WeakMap<Database, PGlite>();

/**
 * Open the desk's database: the PostgreSQL server at `url`, or else embedded PGlite (with
 * pgvector) in `${home}/pgdata` or in memory. Fails with DeskError('database_error') naming the
 * (masked) location and the cause.
 *
 * @example
 * const db = await openDatabase({ url: process.env.DATABASE_URL });   // server
 * const db = await openDatabase({ home: '/srv/desk' });               // embedded, on disk
 * const db = await openDatabase({ memory: true });                    // embedded, in memory
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const log = options.log ?? (() => {});
  const db = options.url ? await openServer(options.url, log) : await openEmbedded(options);
  log(`database: ${db.kind} at ${db.location}; ${db.vector.enabled ? 'pgvector on' : db.vector.reason}`);
  return db;
}

async function openServer(url: string, log: (line: string) => void): Promise<Database> {
  const location = maskDatabaseUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 15_000 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', (error) => log(`database: idle connection to ${location} lost: ${error.message}`));
  try {
    await pool.query('SELECT 1');
    const vectorState = await enableVector(pool);
    return { pool, kind: 'server', location, vector: vectorState, close: () => pool.end() };
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DeskError('database_error', `cannot connect to PostgreSQL at ${location}: ${(error as Error).message}`, { location }, { cause: error });
  }
}

async function openEmbedded(options: OpenDatabaseOptions): Promise<Database> {
  const inMemory = options.memory === true || (options.snapshot !== undefined && options.home === undefined);
  const dataDir = inMemory ? undefined : join(resolve(options.home ?? process.env.DESK_HOME ?? './.desk'), 'pgdata');
  const location = dataDir ?? 'memory';
  let engine: PGlite | undefined;
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    engine = await PGlite.create({ dataDir, extensions: { vector }, loadDataDir: options.snapshot });
    // One in-process connection: pg's pool queues queries; idle clients are kept (idleTimeoutMillis 0).
    const pool = new pg.Pool({ ...createPgConfig(engine), max: 1, idleTimeoutMillis: 0 } as pg.PoolConfig);
    const vectorState = await enableVector(pool);
    const opened = engine;
    const db: Database = {
      pool, kind: 'embedded', location, vector: vectorState,
      close: async () => {
        await pool.end();
        await opened.close();
      },
    };
    embeddedEngines.set(db, engine);
    return db;
  } catch (error) {
    await engine?.close().catch(() => {});
    throw new DeskError('database_error', `cannot open the embedded database at ${location}: ${(error as Error).message}`, { location }, { cause: error });
  }
}

/**
 * Dump an embedded database's data directory (uncompressed tar) so it can be reopened with
 * `openDatabase({ snapshot })`; tests use it to skip initdb and migrations.
 *
 * @example const snapshot = await dumpEmbeddedDatabase(db); const copy = await openDatabase({ snapshot });
 */
export async function dumpEmbeddedDatabase(db: Database): Promise<Blob> {
  const engine = embeddedEngines.get(db);
  if (!engine) throw new DeskError('invalid_input', `only an embedded database can be dumped (this one is ${db.kind} at ${db.location})`);
  return engine.dumpDataDir('none');
}
