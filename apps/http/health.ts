import type { Desk } from '../runtime/desk.ts';

/** What GET /health reports: database, migrations, MCP servers and model mode. */
export async function healthReport(desk: Desk): Promise<Record<string, unknown>> {
  let database: Record<string, unknown>;
  try {
    await desk.db.pool.query('select 1');
    database = { ok: true, kind: desk.db.kind, location: desk.db.location, vector: desk.db.vector };
  } catch (error) {
    database = { ok: false, kind: desk.db.kind, error: (error as Error).message };
  }
  const servers = Object.entries(desk.tools).map(([name, tools]) => ({ name, transport: 'in-process', tools }));
  return {
    status: database.ok ? 'ok' : 'degraded',
    database,
    migrations: { applied: desk.migrations.all.length, latest: desk.migrations.all.at(-1) ?? null, appliedThisStart: desk.migrations.applied },
    servers,
    model: { mode: desk.provider.mode, model: desk.provider.model },
  };
}
