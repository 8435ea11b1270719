import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DeskError } from '../core/index.ts';

/** One versioned SQL file, db/migrations/NNN_name.sql. */
export interface MigrationFile {
  version: number;
  /** 'NNN_name', as reported by migrate(). */
  name: string;
  sql: string;
  /** sha256 of the file with line endings normalised, so a checkout with CRLF is the same file. */
  checksum: string;
  /** Declared by a `-- requires: vector` line: skipped while pgvector is unavailable. */
  requiresVector: boolean;
}

const FILE_PATTERN = /^(\d{3})_([a-z0-9_]+)\.sql$/;
export const MIGRATIONS_DIRECTORY = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * The migration files of `directory`, by version. Two files with one version are an error.
 * @example loadMigrationFiles().map((file) => file.name) // ['001_market_and_execution', ...]
 */
export function loadMigrationFiles(directory = MIGRATIONS_DIRECTORY): MigrationFile[] {
  const files = readdirSync(directory).filter((entry) => FILE_PATTERN.test(entry)).sort();
  const migrations = files.map((entry) => {
    const sql = readFileSync(`${directory}/${entry}`, 'utf8').replace(/\r\n/g, '\n');
    const version = Number(entry.slice(0, 3));
    return {
      version,
      name: entry.replace(/\.sql$/, ''),
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
      requiresVector: /^--\s*requires:\s*vector\s*$/m.test(sql),
    };
  });
  migrations.forEach((migration, index) => {
    if (index > 0 && migrations[index - 1].version === migration.version) {
      throw new DeskError('database_error', `two migrations share version ${migration.version}: ${migrations[index - 1].name} and ${migration.name}`);
    }
  });
  return migrations;
}
