import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../http/app.ts';
import { loadConfig } from '../runtime/config.ts';
import { openDesk } from '../runtime/desk.ts';
import { startRefreshSchedule } from '../runtime/ingest.ts';

/** `desk start`: open everything, serve HTTP on 127.0.0.1, print what to try next. */
export async function startCommand(_args: string[]): Promise<number> {
  const started = performance.now();
  const config = loadConfig(process.env);
  const desk = await openDesk(config, { role: 'server', log: (line) => console.log(line) });
  const app = createApp(desk);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const instance = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: config.port }, () => resolve(instance));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  const serverFile = join(config.home, 'server.json');
  writeFileSync(serverFile, JSON.stringify({ pid: process.pid, url }));
  printBanner(desk, url, performance.now() - started);
  const refresh = desk.serverDeps.ingest ? startRefreshSchedule(desk.serverDeps.ingest, desk.serverDeps.bars, config, (line) => console.log(line)) : null;
  if (refresh) console.log(`scheduled refresh (${config.marketData.refresh.schedule}), next at ${refresh.next()?.toISOString()}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  rmSync(serverFile, { force: true });
  refresh?.stop();
  server.close();
  await desk.close();
  return 0;
}

function printBanner(desk: Awaited<ReturnType<typeof openDesk>>, url: string, elapsedMs: number): void {
  const vector = desk.db.vector.enabled ? 'semantic search on' : (desk.db.vector.reason ?? 'semantic search off');
  const seeded = desk.seeded ? `loaded demo market: ${desk.seeded.symbols} symbols, ${desk.seeded.bars} daily bars` : 'market data already present';
  const model = desk.provider.mode === 'claude' ? `Claude (${desk.provider.model})` : 'offline planner (set ANTHROPIC_API_KEY for Claude)';
  console.log(`
desk ready in ${(elapsedMs / 1000).toFixed(1)} s
  database   ${desk.db.kind} at ${desk.db.location}; migrations: ${desk.migrations.applied.length} applied now, ${desk.migrations.skipped.length} skipped, ${desk.migrations.all.length} known; ${vector}
  data       ${seeded}
  servers    ${Object.entries(desk.tools).map(([name, tools]) => `${name} (${tools.length})`).join(', ')}
  model      ${model}
  http       ${url}  (GET /health, POST /api/chat, GET /api/positions, /api/orders, /api/decisions)

Try, in another terminal:
  npx desk chat "backtest an SMA crossover 10/30 on AAPL over the last 5 years"
  npx desk chat "buy 10 AAPL"
  npx desk chat "show my positions"
  npx desk chat "buy 1000000 AAPL"
  npx desk log verify
Stop with Ctrl-C.`);
}
