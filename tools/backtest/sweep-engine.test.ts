import { describe, expect, it, vi } from 'vitest';
import type { BacktestSettings, StrategySpec } from '../../core/index.ts';
import { generateSyntheticBars } from '../market/index.ts';
import { getStrategy } from '../strategy/index.ts';
import { runSpecBacktest } from './spec.ts';
import { sweepBacktest, sweepUnsupported } from './sweep-engine.ts';

vi.mock('../indicators/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../indicators/index.ts')>();
  return { ...original, sma: vi.fn(original.sma) };
});
const indicators = await import('../indicators/index.ts');

const series = generateSyntheticBars({ symbol: 'SWP', seed: 21, startDate: '2018-01-01', endDate: '2024-12-31', initialPrice: 80, annualDrift: 0.04, annualVolatility: 0.3 });
const settings: BacktestSettings = { initialCash: 100_000, commissionRate: 0.001 };
const grid = [{ fast: 5, slow: 20 }, { fast: 10, slow: 30 }, { fast: 10, slow: 50 }, { fast: 20, slow: 50 }, { fast: 3, slow: 100 }];

function expectSameAsEventEngine(spec: StrategySpec, paramSets: typeof grid, runSettings = settings): void {
  const runs = sweepBacktest(series, spec, paramSets, runSettings, { equity: true });
  runs.forEach((run, index) => {
    expect(run.path).toBe('sweep');
    const event = runSpecBacktest(series, spec, paramSets[index], runSettings);
    expect(event.trades.length).toBeGreaterThan(3);
    let worst = 0;
    event.equityCurve.equity.forEach((value, bar) => (worst = Math.max(worst, Math.abs(run.equity![bar] - value) / Math.abs(value))));
    expect(worst).toBeLessThanOrEqual(1e-9);
    const { benchmark, ...metrics } = event.metrics;
    expect(benchmark).toBeDefined();
    for (const [key, value] of Object.entries(metrics)) {
      if (typeof value === 'number') expect(run.metrics[key as keyof typeof metrics], key).toBeCloseTo(value, 9);
      else expect(run.metrics[key as keyof typeof metrics], key).toEqual(value);
    }
  });
}

describe('sweepBacktest agrees with the event engine', () => {
  it('on every equity point for an SMA crossover grid (long, all-in)', () => {
    expectSameAsEventEngine(getStrategy('sma_crossover'), grid);
  });

  it('for short specs, percent-equity and fixed-shares sizing, and an and/or condition', () => {
    const spec = getStrategy('sma_crossover');
    expectSameAsEventEngine({ ...spec, side: 'short' }, grid.slice(0, 3));
    expectSameAsEventEngine({ ...spec, sizing: { kind: 'percent-equity', percent: 0.4 } }, grid.slice(1, 4), { ...settings, commission: { kind: 'percent', rate: 0.002 } });
    expectSameAsEventEngine({ ...spec, sizing: { kind: 'fixed-shares', shares: 300 } }, grid.slice(2));
    const rsi = getStrategy('rsi_mean_reversion');
    const combined: StrategySpec = { ...rsi, parameters: { ...rsi.parameters, ...spec.parameters }, entry: { op: 'and', args: [rsi.entry, { op: 'gt', args: [{ price: 'close' }, 1] }] } };
    expectSameAsEventEngine(combined, [{ fast: 10, slow: 30 }, { fast: 20, slow: 50 }] as typeof grid);
  });
});

describe('sweepBacktest', () => {
  it('computes each distinct SMA once for the whole grid', () => {
    vi.mocked(indicators.sma).mockClear();
    sweepBacktest(series, getStrategy('sma_crossover'), grid, settings);
    expect(indicators.sma).toHaveBeenCalledTimes(new Set(grid.flatMap((params) => [params.fast, params.slow])).size); // 5, 10, 20, 3 and 30, 50, 100
  });

  it('falls back to the event engine for features outside the loop, and says why', () => {
    const spec = { ...getStrategy('sma_crossover'), stops: { stopLoss: 0.05 } };
    expect(sweepUnsupported(spec, { ...settings, slippage: { kind: 'bps', bps: 2 } })).toBe('slippage, stops');
    const runs = sweepBacktest(series, spec, grid.slice(0, 2), settings);
    expect(runs.map((run) => run.path)).toEqual(['event', 'event']);
    expect(runs[0].metrics).toEqual(runSpecBacktest(series, spec, grid[0], settings).metrics);
  });
});
