import { ensureEmbeddedSnapshots } from './embedded-snapshots.ts';
import { dropStaleServerDatabases } from './server-databases.ts';

/**
 * Once per test run: prepare the cached embedded-database dumps (so workers skip initdb) and
 * drop server test databases left behind by earlier runs that crashed. An unreachable server is
 * not an error here: the server-database tests report it with instructions.
 */
export default async function setup(): Promise<void> {
  await ensureEmbeddedSnapshots();
  if (process.env.DESK_TEST_SKIP_SERVER !== '1') await dropStaleServerDatabases().catch(() => []);
}
