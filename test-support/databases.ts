import { readFileSync } from 'node:fs';
import { migrate, openDatabase, type Database } from '../db/index.ts';
import { ensureEmbeddedSnapshots } from './embedded-snapshots.ts';
import { createServerDatabase, dropServerDatabase } from './server-databases.ts';

const ALL_KINDS = ['embedded', 'server'] as const;
export type TestDatabaseKind = (typeof ALL_KINDS)[number];

/**
 * The databases every store test runs on: embedded PGlite and the local PostgreSQL server.
 * DESK_TEST_SKIP_SERVER=1 leaves the server out (for machines without PostgreSQL).
 * @example describe.each(testDatabaseKinds)('the execution store on %s', (kind) => { ... })
 */
export const testDatabaseKinds: readonly TestDatabaseKind[] = process.env.DESK_TEST_SKIP_SERVER === '1' ? ['embedded'] : ALL_KINDS;

const snapshotBlobs = new Map<string, Blob>();

/**
 * A fresh, empty database of `kind`, migrated unless `migrated: false`. Embedded: in-memory
 * PGlite loaded from a cached dump (about 0.6 s instead of 4-5 s for initdb and migrations).
 * Server: a new database desk_test_<pid>_<n> on 127.0.0.1:5432, dropped by close().
 *
 * @example const db = await openTestDatabase('server'); try { ... } finally { await db.close(); }
 */
export async function openTestDatabase(kind: TestDatabaseKind, options: { migrated?: boolean } = {}): Promise<Database> {
  const migrated = options.migrated ?? true;
  if (kind === 'embedded') return openDatabase({ snapshot: await snapshot(migrated ? 'migrated' : 'blank') });
  const { name, url } = await createServerDatabase();
  const db = await openDatabase({ url });
  try {
    if (migrated) await migrate(db);
  } catch (error) {
    await db.close();
    await dropServerDatabase(name);
    throw error;
  }
  return { ...db, close: async () => { await db.close(); await dropServerDatabase(name); } };
}

async function snapshot(which: 'blank' | 'migrated'): Promise<Blob> {
  let blob = snapshotBlobs.get(which);
  if (!blob) {
    const paths = await ensureEmbeddedSnapshots();
    blob = new Blob([readFileSync(paths[which])]);
    snapshotBlobs.set(which, blob);
  }
  return blob;
}
