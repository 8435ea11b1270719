import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterIds, fixedClock } from '../../core/index.ts';
import { createMarketDataStore, createStrategyStore, type Database } from '../../db/index.ts';
import { openTestDatabase } from '../../test-support/databases.ts';
import { generateDemoMarket, lastYearsRange } from '../../tools/market/index.ts';
import { getStrategy, listStrategies, specHash } from '../../tools/strategy/index.ts';
import { compareResults, restrict, searchParameters, specBacktester } from '../../tools/strategy-lab/index.ts';
import { connectInProcess } from '../shared/index.ts';
import { createBacktestServer } from './server.ts';

type Result = { isError?: boolean; structuredContent?: Record<string, any>; content: Array<{ type: string; text?: string }> };

describe('strategy lab tools of the backtest server over a real client (embedded database)', () => {
  let db: Database;
  let client: Client;
  const bars = () => createMarketDataStore(db);
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as Result;
  const settings = { initialCash: 100_000, commissionRate: 0.001 };
  const aaplYears = async (years: number) => {
    const all = await bars().getBars('AAPL');
    return bars().getBars('AAPL', lastYearsRange(all, years));
  };

  beforeAll(async () => {
    db = await openTestDatabase('embedded');
    for (const series of generateDemoMarket({ seed: 42, years: 5 })) await bars().upsertBars(series);
    const strategies = createStrategyStore(db, { clock: fixedClock('2026-01-05T14:30:00Z', 1000), ids: counterIds() });
    client = await connectInProcess(createBacktestServer({ bars: bars(), strategies }), 'test');
  });
  afterAll(async () => {
    await client?.close();
    await db?.close();
  });

  it('lists the tools with honest annotations: only save_strategy writes', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['compare_strategies', 'get_strategy', 'list_strategies', 'run_backtest', 'save_strategy', 'sweep', 'walk_forward']);
    for (const tool of tools) {
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(tool.name !== 'save_strategy');
      expect(tool.outputSchema, tool.name).toBeDefined();
    }
    expect(tools.find((tool) => tool.name === 'save_strategy')?.annotations).toMatchObject({ destructiveHint: false, idempotentHint: true });
  });

  it('seeds the built-in library as version 1 and shows a version with its spec', async () => {
    const listed = await call('list_strategies', {});
    expect(listed.isError).toBeFalsy();
    const names = listed.structuredContent!.strategies.map((entry: { name: string; version: number }) => `${entry.name}@${entry.version}`);
    expect(names).toContain('sma_crossover@1');
    expect(names).toHaveLength(listStrategies().length);
    const shown = await call('get_strategy', { reference: 'sma_crossover@1' });
    expect(shown.structuredContent).toMatchObject({ name: 'sma_crossover', version: 1, author: 'library', specHash: specHash(getStrategy('sma_crossover')) });
    expect(shown.structuredContent!.spec).toEqual(getStrategy('sma_crossover'));
  });

  it('saves a new version once, idempotent by content, and refuses an invalid spec naming the path', async () => {
    const spec = { ...getStrategy('sma_crossover'), stops: { stopLoss: 0.08 } };
    const saved = await call('save_strategy', { spec, author: 'strategy-agent', note: '8% stop' });
    expect(saved.structuredContent).toMatchObject({ created: true, name: 'sma_crossover', version: 2, note: '8% stop', specHash: specHash(spec) });
    const parent = (await call('get_strategy', { reference: 'sma_crossover@1' })).structuredContent!;
    expect(saved.structuredContent!.parentId).toBe(parent.id);
    const again = await call('save_strategy', { spec, author: 'strategy-agent' });
    expect(again.structuredContent).toMatchObject({ created: false, id: saved.structuredContent!.id, version: 2 });
    const bad = await call('save_strategy', { spec: { ...spec, entry: { op: 'gt', args: [{ indicator: 'sma', period: 0 }, 1] } }, author: 'strategy-agent' });
    expect(bad.isError).toBe(true);
    expect(bad.content[0].text).toMatch(/entry\.args\[0\]\.period: must be an integer >= 1/);
    const noAuthor = await call('save_strategy', { spec });
    expect(noAuthor.isError).toBe(true);
    expect(noAuthor.content[0].text).toMatch(/author/);
  });

  it('sweeps a stored version exactly as the strategy lab does, naming the version, with progress notifications', async () => {
    const progress: Array<{ progress: number; total?: number }> = [];
    const args = { strategy: 'sma_crossover@1', symbol: 'AAPL', years: 3, method: 'grid', objective: { metric: 'sharpe' }, ranges: { fast: { values: [5, 10, 20] }, slow: { values: [30, 60] } }, constraints: [{ metric: 'trades', op: 'gte', value: 3 }] };
    const result = (await client.callTool({ name: 'sweep', arguments: args }, undefined, { onprogress: (update) => progress.push(update) })) as Result;
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent!;
    const series = await aaplYears(3);
    const spec = getStrategy('sma_crossover');
    const direct = searchParameters(restrict(specBacktester(series, spec, settings)), spec, { method: 'grid', objective: { metric: 'sharpe', direction: 'maximize' }, ranges: args.ranges, constraints: [{ metric: 'trades', op: 'gte', value: 3 }] });
    expect(out.strategy).toMatchObject({ name: 'sma_crossover', version: 1, specHash: specHash(spec), id: expect.stringMatching(/^stv_/) });
    expect(out.evaluated).toBe(6);
    expect(out.best.params).toEqual(direct.best?.params);
    expect(out.best.metrics).toEqual(direct.best?.metrics);
    expect(out.top).toHaveLength(direct.ranked.length);
    expect(out.infeasibleCount).toBe(direct.infeasible.length);
    expect(out.overfit).toMatchObject({ trials: 6, likelyOverfit: expect.any(Boolean) });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ progress: 6, total: 6 });
  });

  it('runs a genetic sweep of an inline spec, reproducibly for a seed', async () => {
    const args = { strategy: getStrategy('rsi_mean_reversion'), symbol: 'MSFT', years: 2, method: 'genetic', seed: 5, objective: { metric: 'totalReturn' }, genetic: { population: 8, generations: 3 } };
    const first = await call('sweep', args);
    expect(first.structuredContent!.strategy).toEqual({ id: null, name: 'rsi_mean_reversion', version: null, specHash: specHash(getStrategy('rsi_mean_reversion')) });
    expect((await call('sweep', args)).structuredContent).toEqual(first.structuredContent);
  });

  it('refuses bad sweep input naming the field', async () => {
    const base = { strategy: 'sma_crossover', symbol: 'AAPL', method: 'grid', objective: { metric: 'sharpe' } };
    const metric = await call('sweep', { ...base, objective: { metric: 'profit' } });
    expect(metric.isError).toBe(true);
    expect(metric.content[0].text).toMatch(/objective/);
    const range = await call('sweep', { ...base, ranges: { width: { values: [1] } } });
    expect(range.isError).toBe(true);
    expect(range.content[0].text).toMatch(/ranges\.width: unknown parameter of sma_crossover/);
    const huge = await call('sweep', base);
    expect(huge.isError).toBe(true);
    expect(huge.content[0].text).toMatch(/ranges: the grid has 79800 parameter sets/);
    const unknown = await call('sweep', { ...base, strategy: 'nope@3' });
    expect(unknown.content[0].text).toMatch(/not_found: no stored strategy 'nope@3'/);
  });

  it('walks forward and reports each window and the chained out-of-sample metrics', async () => {
    const args = { strategy: 'sma_crossover', symbol: 'AAPL', years: 4, inSample: 250, outOfSample: 125, method: 'grid', objective: { metric: 'sharpe' }, ranges: { fast: { values: [5, 10] }, slow: { values: [30, 60] } } };
    const result = await call('walk_forward', args);
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent!;
    const bars = (await aaplYears(4)).dates.length;
    expect(out.windows).toHaveLength(Math.floor((bars - 250) / 125));
    expect(out.evaluated).toBe(out.windows.length * 4);
    expect(out.strategy.version).toBe(2); // the latest sma_crossover, saved above
    expect(out.outOfSample.metrics.trades).toBe(out.windows.reduce((sum: number, window: { outOfSampleMetrics: { trades: number } | null }) => sum + (window.outOfSampleMetrics?.trades ?? 0), 0));
    const bad = await call('walk_forward', { ...args, inSample: 5 });
    expect(bad.isError).toBe(true);
    expect(bad.content[0].text).toMatch(/inSample/);
  });

  it('compares two versions on the same bars with a verdict and per-window metrics', async () => {
    const result = await call('compare_strategies', { a: 'sma_crossover@1', b: 'ema_crossover', symbol: 'AAPL', years: 3, windows: 3, samples: 500 });
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent!;
    const series = await aaplYears(3);
    const direct = compareResults(specBacktester(series, getStrategy('sma_crossover'), settings)({}), specBacktester(series, getStrategy('ema_crossover'), settings)({}), { samples: 500 });
    expect(out.sharpe).toEqual(direct.sharpe);
    expect(out.verdict).toBe(direct.verdict);
    expect(out.a.strategy).toMatchObject({ name: 'sma_crossover', version: 1 });
    expect(out.windows).toHaveLength(3);
  });

  it('stops a sweep when the caller cancels it, and keeps serving', async () => {
    const controller = new AbortController();
    const pending = client.callTool(
      { name: 'sweep', arguments: { strategy: 'sma_crossover', symbol: 'AAPL', years: 5, method: 'random', samples: 3000, maxEvaluations: 3000, objective: { metric: 'sharpe' } } },
      undefined, { signal: controller.signal, onprogress: () => controller.abort() },
    );
    await expect(pending).rejects.toThrow();
    expect((await call('list_strategies', { name: 'sma_crossover' })).structuredContent!.strategies).toHaveLength(2);
  });
});
