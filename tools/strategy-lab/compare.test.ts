import { describe, expect, it } from 'vitest';
import type { BacktestResult } from '../../core/index.ts';
import { createRng, createStandardNormal, generateSyntheticBars } from '../market/index.ts';
import { getStrategy } from '../strategy/index.ts';
import { blockIndexes, compareResults, compareStrategies } from './compare.ts';
import { specBacktester } from './evaluator.ts';

const DAYS = 500;
const dates = Array.from({ length: DAYS + 1 }, (_, index) => new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10));

/** A result whose equity compounds the given daily returns from 1000. */
function resultOf(name: string, returns: number[]): BacktestResult {
  const equity = [1000];
  for (const value of returns) equity.push(equity[equity.length - 1] * (1 + value));
  const totalReturn = equity[equity.length - 1] / 1000 - 1;
  return {
    symbol: 'SYN', strategy: name, params: {}, from: dates[0], to: dates[returns.length], bars: returns.length + 1,
    settings: { initialCash: 1000, commissionRate: 0 },
    metrics: { totalReturn, annualizedReturn: 0, annualizedVolatility: 0, sharpe: 0, maxDrawdown: 0, trades: 0, winRate: 0, exposure: 1, finalEquity: equity[equity.length - 1] },
    trades: [], equityCurve: { dates: dates.slice(0, returns.length + 1), equity },
  };
}

function noise(seed: number, scale: number): number[] {
  const normal = createStandardNormal(createRng(seed));
  return Array.from({ length: DAYS }, () => scale * normal());
}

describe('compareResults', () => {
  it('calls B better only when the whole Sharpe interval is above 0', () => {
    const base = noise(1, 0.01);
    // B earns A's returns plus 0.2% a day: in every resample B − A in Sharpe = 0.002 / std × √252 > 0.
    const comparison = compareResults(resultOf('A', base), resultOf('B', base.map((value) => value + 0.002)), { samples: 300, seed: 4 });
    const mean = base.reduce((sum, value) => sum + value, 0) / DAYS;
    const deviation = Math.sqrt(base.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (DAYS - 1));
    expect(comparison.sharpe.difference.estimate).toBeCloseTo((0.002 / deviation) * Math.sqrt(252), 10);
    expect(comparison.sharpe.difference.lower).toBeGreaterThan(0);
    expect(comparison.sharpe.better).toBe('b');
    expect(comparison.annualizedReturn.better).toBe('b');
    expect(comparison.verdict).toMatch(/^B is better than A in Sharpe ratio at 95% \(B − A = [\d.]+, interval [\d.]+ to [\d.]+\); B has the higher annualized return at 95%/);
    expect(comparison).toMatchObject({ observations: DAYS, blockLength: 8, samples: 300, confidence: 0.95 }); // round(500^(1/3)) = 8
  });

  it('finds no difference between a strategy and itself, nor between two unrelated noises', () => {
    const base = noise(2, 0.01);
    const same = compareResults(resultOf('A', base), resultOf('B', base), { samples: 200 });
    expect(same.sharpe.difference).toEqual({ estimate: 0, median: 0, lower: 0, upper: 0 });
    expect(same.sharpe.better).toBeNull();
    expect(same.verdict).toMatch(/^No difference in Sharpe ratio at 95% \(B − A = 0, interval 0 to 0: the interval includes 0\)/);
    const unrelated = compareResults(resultOf('A', noise(3, 0.01)), resultOf('B', noise(4, 0.01)), { samples: 500, seed: 2 });
    expect(unrelated.sharpe.difference.lower).toBeLessThan(0);
    expect(unrelated.sharpe.difference.upper).toBeGreaterThan(0);
    expect(unrelated.sharpe.better).toBeNull();
  });

  it('is reproducible for a seed', () => {
    const a = resultOf('A', noise(5, 0.01));
    const b = resultOf('B', noise(6, 0.012));
    expect(compareResults(a, b, { seed: 9, samples: 200 })).toEqual(compareResults(a, b, { seed: 9, samples: 200 }));
    expect(compareResults(a, b, { seed: 10, samples: 200 }).sharpe.difference).not.toEqual(compareResults(a, b, { seed: 9, samples: 200 }).sharpe.difference);
  });

  it('refuses results on different dates', () => {
    const base = noise(7, 0.01);
    expect(() => compareResults(resultOf('A', base), resultOf('B', base.slice(1)))).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('same dates') }));
  });
});

describe('blockIndexes', () => {
  it('draws circular blocks of consecutive days from the generator', () => {
    const random = createRng(3);
    const starts = [random(), random(), random()].map((value) => Math.floor(value * 5));
    const into = new Int32Array(5);
    blockIndexes(5, 2, createRng(3), into);
    expect(Array.from(into)).toEqual([starts[0], (starts[0] + 1) % 5, starts[1], (starts[1] + 1) % 5, starts[2]]);
  });
});

describe('compareStrategies', () => {
  it('backtests both on the same bars and reports each window', () => {
    const series = generateSyntheticBars({ symbol: 'SYN', seed: 31, startDate: '2021-01-01', endDate: '2023-12-29', initialPrice: 60, annualDrift: 0.05, annualVolatility: 0.3 });
    const settings = { initialCash: 10_000, commissionRate: 0.001 };
    const a = { backtest: specBacktester(series, getStrategy('sma_crossover'), settings), params: { fast: 10, slow: 30 } };
    const b = { backtest: specBacktester(series, getStrategy('ema_crossover'), settings), params: { fast: 10, slow: 30 } };
    const comparison = compareStrategies(a, b, { samples: 200, windows: [{ start: 0, end: 300 }, { start: 300, end: 600 }] });
    expect(comparison.a.strategy).toBe('sma_crossover');
    expect(comparison.sharpe.a).toBeCloseTo(a.backtest(a.params).metrics.sharpe, 10);
    expect(comparison.annualizedReturn.b).toBeCloseTo(b.backtest(b.params).metrics.annualizedReturn, 10);
    expect(comparison.windows[1]).toEqual({ from: series.dates[300], to: series.dates[599], a: a.backtest(a.params, { start: 300, end: 600 }).metrics, b: b.backtest(b.params, { start: 300, end: 600 }).metrics });
  });
});
