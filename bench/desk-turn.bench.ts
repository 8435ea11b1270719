import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../apps/runtime/config.ts';
import { openDesk } from '../apps/runtime/desk.ts';
import { describeLatencies } from './stats.ts';

/** Offline chat turns on the embedded database, tools and decision log included. */
export default async function bench(): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  const opened = performance.now();
  const desk = await openDesk(loadConfig({ DESK_HOME: home }), { role: 'bench' });
  console.log(`open a new embedded desk (initdb, migrations, demo data): ${((performance.now() - opened) / 1000).toFixed(2)} s`);
  const requests: Array<[string, string, number]> = [
    ['backtest SMA 10/30 AAPL 5y', 'backtest an SMA crossover 10/30 on AAPL over the last 5 years', 60],
    ['buy 1 AAPL (risk, critic, broker)', 'buy 1 AAPL', 60],
    ['show my positions', 'show my positions', 60],
    ['refused order', 'buy 1000000 AAPL', 60],
  ];
  for (const [label, message, runs] of requests) {
    const latencies: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      await desk.chat(message);
      latencies.push(performance.now() - started);
    }
    console.log(`${label}: ${describeLatencies(latencies.slice(5))}`);
  }
  const verified = performance.now();
  const verification = await desk.serverDeps.decisions.verify();
  console.log(`verify decision log (${verification.decisions} decisions, ${verification.verdicts} verdicts): ${(performance.now() - verified).toFixed(0)} ms, ok=${verification.ok}`);
  await desk.close();
  rmSync(home, { recursive: true, force: true });
}
