import { describe, expect, it } from 'vitest';
import type { FusionNode, NumExpr, StrategySpec } from '../../core/index.ts';
import { runSpecBacktest } from '../backtest/index.ts';
import { generateSyntheticBars } from '../market/index.ts';
import { leaveOneOut } from './leave-one-out.ts';

describe('leaveOneOut', () => {
  const series = generateSyntheticBars({ symbol: 'SYN', seed: 17, startDate: '2022-01-03', endDate: '2023-12-29', initialPrice: 50, annualDrift: 0.05, annualVolatility: 0.3 });
  const sentiment = Object.fromEntries(series.dates.map((date, index) => [date, Math.sin(index / 11)]));
  const settings = { initialCash: 10_000, commissionRate: 0.001 };
  const close: NumExpr = { price: 'close' };
  const trend: NumExpr = { op: 'sub', args: [{ indicator: 'sma', input: close, period: 10 }, { indicator: 'sma', input: close, period: 30 }] };
  const fusion = (components: FusionNode['components']): FusionNode => ({ fuse: 'votes', components });
  const both = [{ name: 'trend', input: trend }, { name: 'news', input: { external: 'sentiment' } as NumExpr }];
  const spec = (components: FusionNode['components']): StrategySpec => ({
    version: 1, name: 'fused', description: 'trend and news votes', universe: [], parameters: {},
    entry: { op: 'gt', args: [fusion(components), 0.5] }, exit: { op: 'lt', args: [fusion(components), 0] }, side: 'long', sizing: { kind: 'all-in' },
  });
  const run = (variant: StrategySpec) => runSpecBacktest(series, variant, {}, settings, { sentiment });

  it('backtests the spec without each component and reports the metric differences', () => {
    const result = leaveOneOut(run, spec(both));
    expect(result.full).toEqual(run(spec(both)).metrics);
    // Each fusion (entry and exit) loses one component at a time; the other fusion keeps both.
    expect(result.components.map((entry) => `${entry.path}:${entry.name}`)).toEqual(['entry.args[0]:trend', 'entry.args[0]:news', 'exit.args[0]:trend', 'exit.args[0]:news']);
    const withoutNews: StrategySpec = { ...spec(both), entry: { op: 'gt', args: [fusion([both[0]]), 0.5] } };
    const expected = run(withoutNews).metrics;
    expect(result.components[1].without).toEqual(expected);
    expect(result.components[1].delta.sharpe).toBeCloseTo(expected.sharpe - result.full.sharpe, 12);
    expect(result.components[1].delta.trades).toBe(expected.trades - result.full.trades);
    expect(result.components.some((entry) => entry.delta.totalReturn !== 0)).toBe(true);
  });

  it('skips fusions of a single component', () => {
    expect(leaveOneOut(run, spec([both[0]])).components).toEqual([]);
  });
});
