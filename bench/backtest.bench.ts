import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import type { BarSeries } from '../core/index.ts';
import { randomWalkSeries } from './random-walk.ts';
import { BacktestEngine, buildMarket, crossoverSignals, engineConfig, runSpecBacktest, SignalStrategy, sweepBacktest } from '../tools/backtest/index.ts';
import { sma } from '../tools/indicators/index.ts';
import { getStrategy } from '../tools/strategy/index.ts';

const settings = { initialCash: 100_000, commissionRate: 0.001 };
const FASTS = Array.from({ length: 20 }, (_value, index) => 2 + 2 * index); // 2..40
const SLOWS = Array.from({ length: 20 }, (_value, index) => 50 + 10 * index); // 50..240


function best(runs: number, run: () => unknown): number {
  run();
  let fastest = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < runs; attempt++) {
    const started = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/**
 * The yardstick: a plain loop of the same crossover (all-in at the next open, percent commission)
 * on precomputed SMAs, with final equity, Sharpe and max drawdown computed in the loop.
 */
function handLoop(series: BarSeries, fast: Float64Array, slow: Float64Array, rate: number): number {
  const { open, close } = series;
  let cash = 100_000, shares = 0, pending = 0, previous = cash, count = 0, mean = 0, squares = 0, peak = cash, drawdown = 0;
  for (let index = 1; index < close.length; index++) {
    if (pending > 0) {
      shares = Math.floor(cash / (open[index] * (1 + rate)));
      cash -= shares * open[index] * (1 + rate);
    } else if (pending < 0) {
      cash += shares * open[index] * (1 - rate);
      shares = 0;
    }
    pending = 0;
    const equity = cash + shares * close[index];
    const change = equity / previous - 1;
    previous = equity;
    count++;
    const delta = change - mean;
    mean += delta / count;
    squares += delta * (change - mean);
    if (equity > peak) peak = equity;
    else drawdown = Math.max(drawdown, (peak - equity) / peak);
    const wasAbove = fast[index - 1] > slow[index - 1];
    const isAbove = fast[index] > slow[index];
    if (shares === 0 && !wasAbove && isAbove) pending = 1;
    else if (shares > 0 && wasAbove && !isAbove) pending = -1;
  }
  return previous + mean / Math.sqrt(squares / count) + drawdown;
}

const rate = (bars: number, milliseconds: number) => `${(bars / 1e6 / (milliseconds / 1000)).toFixed(1).padStart(7)} M/s`;

/** Event engine and sweep engine on 1M bars, a 20×20 grid on 100k bars against a hand loop, memory, and the CLI on a 100k-bar CSV. */
export default async function bench(): Promise<void> {
  const million = randomWalkSeries(1_000_000, 20240101);
  const spec = getStrategy('sma_crossover');
  const whole = best(3, () => runSpecBacktest(million, spec, { fast: 10, slow: 30 }, settings));
  console.log(`event engine, runSpecBacktest sma 10/30, 1M bars (signals, engine, metrics, result)  ${rate(1e6, whole)} bars/s  (${whole.toFixed(0)} ms)`);
  const { entry, exit } = crossoverSignals(sma(million.close, 10), sma(million.close, 30));
  const market = buildMarket([million]);
  const config = engineConfig(settings);
  const loop = best(3, () => new BacktestEngine(market, config).run(new SignalStrategy([{ symbol: 0, entry, exit, side: 'long', weight: 1 }])));
  console.log(`event engine loop alone (orders, fills, trades, equity), 1M bars                    ${rate(1e6, loop)} bars/s  (${loop.toFixed(0)} ms)`);
  const sweepOne = best(3, () => sweepBacktest(million, spec, [{ fast: 10, slow: 30 }], settings));
  console.log(`sweep engine, one set sma 10/30 incl. indicators, 1M bars                            ${rate(1e6, sweepOne)} bars/s  (${sweepOne.toFixed(0)} ms)`);

  const series = randomWalkSeries(100_000, 20240101);
  const grid = FASTS.flatMap((fast) => SLOWS.map((slow) => ({ fast, slow })));
  const work = grid.length * 100_000;
  const sweep = best(2, () => sweepBacktest(series, spec, grid, settings));
  const averages = new Map([...FASTS, ...SLOWS].map((period) => [period, sma(series.close, period)]));
  let sink = 0;
  const hand = best(2, () => {
    for (const { fast, slow } of grid) sink += handLoop(series, averages.get(fast)!, averages.get(slow)!, 0.001);
  });
  const handWithIndicators = best(2, () => {
    const shared = new Map([...FASTS, ...SLOWS].map((period) => [period, sma(series.close, period)]));
    for (const { fast, slow } of grid) sink += handLoop(series, shared.get(fast)!, shared.get(slow)!, 0.001);
  });
  console.log(`20×20 grid, 100k bars: sweep engine                                                  ${rate(work, sweep)} set-bars/s (${sweep.toFixed(0)} ms)`);
  console.log(`20×20 grid, 100k bars: hand-written Float64Array loop (SMAs precomputed)             ${rate(work, hand)} set-bars/s (${hand.toFixed(0)} ms)`);
  console.log(`20×20 grid, 100k bars: hand loop incl. its 40 SMAs                                   ${rate(work, handWithIndicators)} set-bars/s (${handWithIndicators.toFixed(0)} ms)`);
  console.log(`sweep / hand loop: ${(hand / sweep).toFixed(2)}x (incl. indicators: ${(handWithIndicators / sweep).toFixed(2)}x)${sink === 0 ? ' ' : ''}`);
  console.log(`peak memory: maxRSS ${(resourceUsage().maxRSS / 1024).toFixed(0)} MB, heap used now ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
  cliBench(series);
}

/** Wall time of the whole CLI on a 100k-bar CSV (child process), next to the bare start-up of `desk help`. */
function cliBench(series: BarSeries): void {
  const directory = mkdtempSync(join(tmpdir(), 'desk-bench-'));
  const csv = join(directory, 'bench.csv');
  const rows = series.dates.map((date, index) => `${date},${series.open[index]},${series.high[index]},${series.low[index]},${series.close[index]},${series.volume[index]}`);
  writeFileSync(csv, `Date,Open,High,Low,Close,Volume\n${rows.join('\n')}\n`);
  const bin = join(import.meta.dirname, '../bin/desk.js');
  const time = (args: string[]) => best(3, () => execFileSync(process.execPath, [bin, ...args], { stdio: 'pipe' }));
  const startup = time(['help']);
  const backtest = time(['backtest', '--csv', csv, '--symbol', 'BENCH', '--strategy', 'sma_crossover', '--param', 'fast=10', '--param', 'slow=30']);
  console.log(`CLI: desk backtest, 100k-bar CSV: ${(backtest / 1000).toFixed(2)} s wall (desk help alone: ${(startup / 1000).toFixed(2)} s; target 0.3 s)`);
  rmSync(directory, { recursive: true, force: true });
}
