import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runSpecBacktest } from '../../tools/backtest/index.ts';
import { getStrategy } from '../../tools/strategy/index.ts';
import { adjustBars, readBarsCsv } from './backtest-csv.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/desk.js');

/** 300 daily rows of a wavy uptrend, with an Adj Close 2% under the close. */
function csvText(): string {
  const lines = ['Date,Open,High,Low,Close,Adj Close,Volume'];
  let price = 50;
  for (let index = 0; index < 300; index++) {
    const open = price;
    price *= 1 + Math.sin(index / 8) * 0.012 + 0.0008;
    const date = new Date(Date.UTC(2021, 0, 4 + index)).toISOString().slice(0, 10);
    lines.push([date, open.toFixed(4), (Math.max(open, price) * 1.01).toFixed(4), (Math.min(open, price) * 0.99).toFixed(4), price.toFixed(4), (price * 0.98).toFixed(4), 5000].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('desk backtest (the real bin, no database)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'desk-backtest-'));
  const csv = join(directory, 'acme.csv');
  writeFileSync(csv, csvText());
  const env = { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', DESK_HOME: join(directory, 'home') };
  const desk = async (...args: string[]) => (await run(process.execPath, [BIN, 'backtest', '--csv', csv, '--symbol', 'ACME', ...args], { env, timeout: 60_000 })).stdout;
  const bars = readBarsCsv(readFileSync(csv, 'utf8'), 'ACME');
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('prints the same result as runSpecBacktest with --json', async () => {
    const report = JSON.parse(await desk('--strategy', 'sma_crossover', '--param', 'fast=5', '--param', 'slow=20', '--cash', '10000', '--commission-pct', '0.1', '--json'));
    const expected = runSpecBacktest(bars.series, getStrategy('sma_crossover'), { fast: 5, slow: 20 }, { initialCash: 10_000, commissionRate: 0.001 });
    expect(report.finalEquity).toBe(expected.metrics.finalEquity);
    expect(report.cash).toBe(expected.finalCash);
    expect(report.metrics).toEqual(expected.metrics);
    expect(report.trades).toEqual(expected.trades);
    expect(report.fills.length).toBe(expected.orders!.reduce((sum, order) => sum + order.fills.length, 0));
    expect(report.fills[0]).toMatchObject({ side: 'buy', reason: 'entry' });
  }, 60_000);

  it('trades a fixed size with --size, a date range, and prints the metrics as text', async () => {
    const report = JSON.parse(await desk('--strategy', 'sma_crossover', '--size', '7', '--from', '2021-03-01', '--to', '2021-09-30', '--json'));
    expect(report.from >= '2021-03-01' && report.to <= '2021-09-30').toBe(true);
    expect(report.trades.length).toBeGreaterThan(0);
    for (const trade of report.trades) expect(trade.quantity).toBe(7);
    expect(await desk('--strategy', 'rsi_mean_reversion')).toMatch(/rsi_mean_reversion on ACME.*\n.*final equity.*\n.*Sharpe .*max drawdown|Sharpe/s);
  }, 60_000);

  it('runs on adjusted, rounded prices with --adjust --round 2 and reads a spec file', async () => {
    const specFile = join(directory, 'spec.json');
    writeFileSync(specFile, JSON.stringify({ ...getStrategy('ema_crossover'), name: 'my_ema' }));
    const report = JSON.parse(await desk('--strategy', specFile, '--adjust', '--round', '2', '--json'));
    const expected = runSpecBacktest(adjustBars(bars, 2), { ...getStrategy('ema_crossover'), name: 'my_ema' }, {}, { initialCash: 100_000, commissionRate: 0.001 });
    expect(report.strategy).toBe('my_ema');
    expect(report.metrics).toEqual(expected.metrics);
    for (const fill of report.fills) expect(Math.round(fill.price * 100) / 100).toBeCloseTo(fill.price, 10);
  }, 60_000);

  it('explains bad input on stderr with exit code 1', async () => {
    await expect(desk('--strategy', 'nope')).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/error \(not_found\): no built-in strategy 'nope'/) });
    await expect(desk('--strategy', 'sma_crossover', '--param', 'fast')).rejects.toMatchObject({ stderr: expect.stringMatching(/--param fast: expected name=number/) });
  }, 60_000);
});
