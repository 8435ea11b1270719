import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumpEmbeddedDatabase, loadMigrationFiles, migrate, openDatabase } from '../db/index.ts';

/**
 * Dumps of an embedded database right after initdb ('blank') and after all migrations
 * ('migrated'), cached in the temp dir under a key of the migration checksums and the lockfile,
 * so a run pays PGlite's initdb (~4 s) once, and only when migrations or dependencies change.
 */
export interface EmbeddedSnapshots {
  blank: string;
  migrated: string;
}

const CACHE_DIRECTORY = join(tmpdir(), 'desk-test-snapshots');
const LOCKFILE = fileURLToPath(new URL('../package-lock.json', import.meta.url));

export function embeddedSnapshotPaths(): EmbeddedSnapshots {
  const hash = createHash('sha256');
  for (const file of loadMigrationFiles()) hash.update(`${file.name}:${file.checksum}\n`);
  if (existsSync(LOCKFILE)) hash.update(readFileSync(LOCKFILE));
  const key = hash.digest('hex').slice(0, 16);
  return { blank: join(CACHE_DIRECTORY, `pglite-${key}-blank.tar`), migrated: join(CACHE_DIRECTORY, `pglite-${key}-migrated.tar`) };
}

/** Create the snapshots unless cached; returns their paths. Safe to run from several processes. */
export async function ensureEmbeddedSnapshots(): Promise<EmbeddedSnapshots> {
  const paths = embeddedSnapshotPaths();
  if (existsSync(paths.blank) && existsSync(paths.migrated)) {
    const now = new Date();
    for (const path of [paths.blank, paths.migrated]) utimesSync(path, now, now);
    return paths;
  }
  mkdirSync(CACHE_DIRECTORY, { recursive: true });
  removeOutdatedSnapshots(paths);
  const db = await openDatabase({ memory: true });
  try {
    await writeAtomically(paths.blank, await dumpEmbeddedDatabase(db));
    await migrate(db);
    await writeAtomically(paths.migrated, await dumpEmbeddedDatabase(db));
  } finally {
    await db.close();
  }
  return paths;
}

/**
 * Dumps of earlier migrations or dependencies are 40 MB each: remove those not used for an hour
 * (another checkout on this machine, e.g. a git worktree, may be using a different pair right now).
 */
function removeOutdatedSnapshots(current: EmbeddedSnapshots): void {
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const entry of readdirSync(CACHE_DIRECTORY)) {
    const path = join(CACHE_DIRECTORY, entry);
    if (!/^pglite-[0-9a-f]{16}-(blank|migrated)\.tar$/.test(entry) || path === current.blank || path === current.migrated) continue;
    if ((statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0) < cutoff) rmSync(path, { force: true });
  }
}

async function writeAtomically(path: string, blob: Blob): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.from(await blob.arrayBuffer()));
  renameSync(temporary, path);
}
