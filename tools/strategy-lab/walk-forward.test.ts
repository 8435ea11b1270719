import { describe, expect, it } from 'vitest';
import { generateSyntheticBars } from '../market/index.ts';
import { getStrategy } from '../strategy/index.ts';
import { restrict, specBacktester } from './evaluator.ts';
import { searchParameters, type SearchOptions } from './search.ts';
import { walkForward, walkForwardWindows } from './walk-forward.ts';

describe('walkForwardWindows', () => {
  it('rolls fixed in-sample windows and tiles the out-of-sample ones', () => {
    expect(walkForwardWindows(100, { inSample: 40, outOfSample: 20, mode: 'rolling' })).toEqual([
      { inSample: { start: 0, end: 40 }, outOfSample: { start: 40, end: 60 } },
      { inSample: { start: 20, end: 60 }, outOfSample: { start: 60, end: 80 } },
      { inSample: { start: 40, end: 80 }, outOfSample: { start: 80, end: 100 } },
    ]);
  });

  it('anchors in-sample windows at the first bar and steps by `step`, dropping a partial last window', () => {
    expect(walkForwardWindows(95, { inSample: 40, outOfSample: 20, step: 30, mode: 'anchored' })).toEqual([
      { inSample: { start: 0, end: 40 }, outOfSample: { start: 40, end: 60 } },
      { inSample: { start: 0, end: 70 }, outOfSample: { start: 70, end: 90 } },
    ]);
  });

  it('needs room for one whole window and whole-number lengths', () => {
    expect(() => walkForwardWindows(59, { inSample: 40, outOfSample: 20, mode: 'rolling' })).toThrow(expect.objectContaining({ code: 'insufficient_data', message: expect.stringContaining('needs at least 60 bars (got 59)') }));
    expect(() => walkForwardWindows(100, { inSample: 40.5, outOfSample: 20, mode: 'rolling' })).toThrow(/inSample must be an integer >= 1/);
  });
});

describe('walkForward', () => {
  const series = generateSyntheticBars({ symbol: 'SYN', seed: 21, startDate: '2019-01-01', endDate: '2023-12-29', initialPrice: 40, annualDrift: 0.1, annualVolatility: 0.3 });
  const spec = getStrategy('sma_crossover');
  const backtest = specBacktester(series, spec, { initialCash: 10_000, commissionRate: 0.001 });
  const search: SearchOptions = { method: 'grid', objective: { metric: 'sharpe', direction: 'maximize' }, ranges: { fast: { values: [5, 10, 20] }, slow: { values: [30, 60] } } };
  const options = { inSample: 300, outOfSample: 100, mode: 'rolling', initialCash: 10_000, search } as const;

  it('optimizes each in-sample window and trades the winner out of sample', () => {
    const progress: Array<[number, number]> = [];
    const result = walkForward(backtest, spec, series.dates, options, ({ done, total }) => progress.push([done, total]));
    const ranges = walkForwardWindows(series.dates.length, options);
    expect(result.windows).toHaveLength(ranges.length);
    expect(progress.at(-1)).toEqual([ranges.length * 7, ranges.length * 7]); // 6 sets + 1 out-of-sample run per window
    result.windows.forEach((window, index) => {
      const own = searchParameters(restrict(backtest, ranges[index].inSample), spec, search);
      expect(window.params).toEqual(own.best?.params);
      expect(window.inSampleMetrics).toEqual(own.best?.metrics);
      const outOfSample = backtest(own.best!.params, ranges[index].outOfSample);
      expect(window.outOfSampleMetrics).toEqual(outOfSample.metrics);
      expect(window.outOfSample).toEqual({ ...ranges[index].outOfSample, from: series.dates[ranges[index].outOfSample.start], to: series.dates[ranges[index].outOfSample.end - 1] });
      const expectedEfficiency = own.best!.metrics!.annualizedReturn > 0 ? outOfSample.metrics.annualizedReturn / own.best!.metrics!.annualizedReturn : null;
      expect(window.efficiency).toBe(expectedEfficiency);
    });
    expect(result.evaluated).toBe(ranges.length * 6);
  });

  it('stitches the out-of-sample curves by their returns', () => {
    const result = walkForward(backtest, spec, series.dates, options);
    const compounded = result.windows.reduce((growth, window) => growth * (1 + window.outOfSampleMetrics!.totalReturn), 1);
    expect(result.stitched.metrics.totalReturn).toBeCloseTo(compounded - 1, 10);
    expect(result.stitched.dates).toEqual(series.dates.slice(300, 300 + result.windows.length * 100));
    const first = backtest(result.windows[0].params!, result.windows[0].outOfSample).equityCurve.equity;
    expect(result.stitched.equity.slice(0, 100)).toEqual(first);
    const second = backtest(result.windows[1].params!, result.windows[1].outOfSample).equityCurve.equity;
    expect(result.stitched.equity[150]).toBeCloseTo(first[99] * (second[50] / second[0]), 8);
    const meanInSample = result.windows.reduce((sum, window) => sum + window.inSampleMetrics!.annualizedReturn, 0) / result.windows.length;
    expect(result.efficiency).toBe(meanInSample > 0 ? result.stitched.metrics.annualizedReturn / meanInSample : null);
  });

  it('stays in cash out of sample when no in-sample set is feasible', () => {
    const result = walkForward(backtest, spec, series.dates, { ...options, search: { ...search, constraints: [{ metric: 'trades', op: 'gte', value: 1000 }] } });
    expect(result.windows.every((window) => window.params === null && window.outOfSampleMetrics === null && window.efficiency === null)).toBe(true);
    expect(new Set(result.stitched.equity)).toEqual(new Set([10_000]));
    expect(result.stitched.metrics).toMatchObject({ totalReturn: 0, trades: 0 });
    expect(result.efficiency).toBeNull();
  });
});
