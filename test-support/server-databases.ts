import pg from 'pg';
import { DeskError } from '../core/index.ts';
import { maskDatabaseUrl } from '../db/index.ts';

/**
 * Throwaway databases on the local PostgreSQL server, created through the `test` database with
 * trust auth (user PGUSER, else postgres). DESK_TEST_SERVER_URL overrides the admin connection.
 */
export const SERVER_START_HINT = 'start PostgreSQL with `pg_ctlcluster --skip-systemctl-redirect 15 main start`, or set DESK_TEST_SKIP_SERVER=1 to run only the embedded-database tests';
const NAME_PREFIX = 'desk_test_';
let created = 0;

export function adminUrl(): string {
  return process.env.DESK_TEST_SERVER_URL ?? `postgres://${process.env.PGUSER ?? 'postgres'}@127.0.0.1:5432/test`;
}

/** Run `work` on an admin connection; an unreachable server is a DeskError saying how to start it. */
export async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new DeskError('database_error', `PostgreSQL is not reachable at ${maskDatabaseUrl(adminUrl())} (${(error as Error).message}): ${SERVER_START_HINT}`, {}, { cause: error });
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Create an empty database named desk_test_<pid>_<n>; returns its name and URL. */
export async function createServerDatabase(): Promise<{ name: string; url: string }> {
  created += 1;
  const name = `${NAME_PREFIX}${process.pid}_${created}`;
  await withAdmin(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropServerDatabase(name: string): Promise<void> {
  await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Drop desk_test_<pid>_* databases left by test processes that no longer run (crashed or killed runs). */
export async function dropStaleServerDatabases(): Promise<string[]> {
  return withAdmin(async (client) => {
    const result = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'desk\\_test\\_%'`);
    const stale = result.rows.map((row) => row.datname).filter((name) => !processIsAlive(Number(name.split('_')[2])));
    for (const name of stale) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    return stale;
  });
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
