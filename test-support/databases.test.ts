import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from './databases.ts';

describe('openTestDatabase', () => {
  const saved = process.env.DESK_TEST_SERVER_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.DESK_TEST_SERVER_URL;
    else process.env.DESK_TEST_SERVER_URL = saved;
  });

  it('tells how to start PostgreSQL when the server is unreachable', async () => {
    process.env.DESK_TEST_SERVER_URL = 'postgres://postgres@127.0.0.1:1/test';
    await expect(openTestDatabase('server')).rejects.toThrow(
      /PostgreSQL is not reachable at postgres:\/\/postgres@127\.0\.0\.1:1\/test .*pg_ctlcluster --skip-systemctl-redirect 15 main start.*DESK_TEST_SKIP_SERVER=1/,
    );
  });

  it('gives an embedded database that is migrated and empty', async () => {
    const db = await openTestDatabase('embedded');
    try {
      expect(db.kind).toBe('embedded');
      const counts = await db.pool.query('SELECT (SELECT count(*) FROM schema_migrations)::int AS migrations, (SELECT count(*) FROM decisions)::int AS decisions');
      expect(counts.rows[0].migrations).toBeGreaterThan(0);
      expect(counts.rows[0].decisions).toBe(0);
    } finally {
      await db.close();
    }
  });
});
