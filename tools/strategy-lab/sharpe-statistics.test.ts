import { describe, expect, it } from 'vitest';
import { generateSyntheticBars } from '../market/index.ts';
import { getStrategy } from '../strategy/index.ts';
import { restrict, specBacktester } from './evaluator.ts';
import { inverseNormalCdf, normalCdf } from './normal.ts';
import { searchParameters } from './search.ts';
import { deflatedSharpeRatio, expectedMaxSharpe, overfitReport, probabilisticSharpeRatio, returnMoments } from './sharpe-statistics.ts';

describe('the normal distribution', () => {
  it('matches tabulated values to about 1e-14', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 14);
    expect(Math.abs(normalCdf(-8) / 6.22096057427178e-16 - 1)).toBeLessThan(1e-7); // far tail: relative error
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(inverseNormalCdf(1e-10)).toBeCloseTo(-6.361340902404056, 8);
    for (const p of [0.001, 0.02, 0.3, 0.5, 0.77, 0.999]) expect(normalCdf(inverseNormalCdf(p))).toBeCloseTo(p, 14);
  });
});

describe('Sharpe ratio statistics', () => {
  it('computes moments by hand: [0.01, -0.02, 0.03, 0]', () => {
    // mean 0.005; deviations ±0.005, ±0.025; m2 = 1.3e-3 / 4, sample variance 1.3e-3 / 3;
    // m3 = 0 (symmetric); m4 = (2 × 6.25e-10 + 2 × 3.90625e-7) / 4 = 1.95625e-7; kurtosis = m4 / m2² = 1.95625 / 1.05625.
    const moments = returnMoments([0.01, -0.02, 0.03, 0]);
    expect(moments.mean).toBeCloseTo(0.005, 15);
    expect(moments.deviation).toBeCloseTo(Math.sqrt(1.3e-3 / 3), 15);
    expect(moments.skewness).toBeCloseTo(0, 12);
    expect(moments.kurtosis).toBeCloseTo(1.95625 / 1.05625, 12);
    expect(returnMoments([0.01, 0.01, 0.01])).toMatchObject({ deviation: 0, skewness: 0, kurtosis: 3 });
  });

  it('gives the probabilistic Sharpe ratio of the formula, worked by hand', () => {
    expect(probabilisticSharpeRatio({ sharpe: 0, observations: 50, skewness: 0, kurtosis: 3 })).toBe(0.5);
    // SR 0.1 over 101 normal returns: z = 0.1 × √100 / √(1 + (3 − 1)/4 × 0.01) = 1 / √1.005 = 0.997509; Φ(z) = 0.8407413.
    expect(probabilisticSharpeRatio({ sharpe: 0.1, observations: 101, skewness: 0, kurtosis: 3 })).toBeCloseTo(0.8407413278013518, 12);
    // Negative skew and fat tails widen the estimate: 1 − (−1)(0.1) + (6 − 1)/4 × 0.01 = 1.1125; Φ(1 / √1.1125) = 0.8284584.
    expect(probabilisticSharpeRatio({ sharpe: 0.1, observations: 101, skewness: -1, kurtosis: 6 })).toBeCloseTo(0.8284584164337798, 12);
    // Against a benchmark equal to the estimate it is a coin toss.
    expect(probabilisticSharpeRatio({ sharpe: 0.1, observations: 101, skewness: 0, kurtosis: 3 }, 0.1)).toBe(0.5);
  });

  it("reproduces Bailey & López de Prado's deflated Sharpe ratio example (DSR ≈ 0.9004)", () => {
    // 100 trials, variance of annualized trial Sharpes 1/2 (1/500 daily), best annualized SR 2.5 over 1250 days, skew −3, kurtosis 10.
    // E[max SR] = √(1/500) × (0.4228 × Φ⁻¹(0.99) + 0.5772 × Φ⁻¹(1 − 1/(100e))) = 0.04472 × 2.5306 = 0.1132 (paper: 0.1132).
    expect(expectedMaxSharpe(100, 0.5 / 250)).toBeCloseTo(0.11317200186513214, 10);
    const deflated = deflatedSharpeRatio({ sharpe: 2.5 / Math.sqrt(250), observations: 1250, skewness: -3, kurtosis: 10 }, { trials: 100, variance: 0.5 / 250 });
    expect(deflated.value).toBeCloseTo(0.9003968344493904, 10); // the paper rounds to 0.9004
    expect(expectedMaxSharpe(1, 0.002)).toBe(0); // one trial: nothing to deflate
  });

  it('judges a sweep winner from its daily returns and every trial', () => {
    const series = generateSyntheticBars({ symbol: 'SYN', seed: 8, startDate: '2020-01-01', endDate: '2023-12-29', initialPrice: 30, annualDrift: 0, annualVolatility: 0.25 });
    const spec = getStrategy('sma_crossover');
    const backtest = specBacktester(series, spec, { initialCash: 10_000, commissionRate: 0.001 });
    const search = searchParameters(restrict(backtest), spec, { method: 'grid', objective: { metric: 'sharpe', direction: 'maximize' }, ranges: { fast: { min: 2, max: 20, step: 2 }, slow: { values: [30, 50, 80] } } });
    const winner = backtest(search.best!.params);
    const report = overfitReport(search, winner);
    expect(report.trials).toBe(30);
    expect(report.sharpe * Math.sqrt(252)).toBeCloseTo(winner.metrics.sharpe, 10);
    const daily = search.evaluations.map((entry) => entry.metrics!.sharpe / Math.sqrt(252));
    const mean = daily.reduce((sum, value) => sum + value, 0) / 30;
    expect(report.trialSharpeVariance).toBeCloseTo(daily.reduce((sum, value) => sum + (value - mean) ** 2, 0) / 29, 14);
    expect(report.deflatedSharpe).toBeLessThan(report.probabilisticSharpe);
    expect(report.likelyOverfit).toBe(report.deflatedSharpe < 0.95);
  });
});
