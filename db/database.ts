import type pg from 'pg';

/** An open database: a pg Pool on a PostgreSQL server or on embedded PGlite (in-process). */
export interface Database {
  pool: pg.Pool;
  kind: 'embedded' | 'server';
  /** Where the data lives: a masked URL, a data directory, or 'memory'. Safe to log. */
  location: string;
  /** Whether pgvector is available; when not, `reason` says why and what is off. */
  vector: { enabled: boolean; reason: string | null };
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when given, the server is used and the other options are ignored. */
  url?: string;
  /** Desk home; the embedded data directory is `${home}/pgdata`. Default: DESK_HOME or ./.desk. */
  home?: string;
  /** Embedded database in memory (nothing on disk). */
  memory?: boolean;
  /** Start the embedded database from a data directory dump (see `dumpEmbeddedDatabase`); implies memory unless home is given. */
  snapshot?: Blob;
  /** Progress lines (never contain secrets). */
  log?: (line: string) => void;
}

export const VECTOR_MISSING_REASON = 'pgvector extension is not installed on this server: semantic search is off';

/**
 * Replace the password of a connection string by ***, for logs and error messages.
 * @example maskDatabaseUrl('postgres://desk:secret@db:5432/desk') // 'postgres://desk:***@db:5432/desk'
 */
export function maskDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass/i.test(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString().replaceAll('%2A%2A%2A', '***');
  } catch {
    return url.replace(/(password\s*=\s*)\S+/gi, '$1***').replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  }
}

/** Try to enable pgvector; a server without it is reported, never an error. */
export async function enableVector(pool: pg.Pool): Promise<Database['vector']> {
  const available = await pool.query("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'");
  if (available.rowCount === 0) return { enabled: false, reason: VECTOR_MISSING_REASON };
  try {
    await pool.query('CREATE EXTENSION IF NOT EXISTS vector');
    return { enabled: true, reason: null };
  } catch (error) {
    return { enabled: false, reason: `pgvector could not be enabled (${(error as Error).message}): semantic search is off` };
  }
}
