import { describe, expect, it } from 'vitest';
import type { BacktestTrade } from '../../core/index.ts';
import { getStrategy } from '../strategy/index.ts';
import { generateDemoMarket } from '../market/index.ts';
import { computeBacktestMetrics } from './metrics.ts';
import { runSpecBacktest } from './spec.ts';

const trade = (pnl: number, closed = true): BacktestTrade => ({
  entryDate: '2025-01-01', entryPrice: 1, exitDate: closed ? '2025-01-02' : null, exitPrice: closed ? 1 : null, quantity: 1, pnl, returnPct: pnl,
});

describe('computeBacktestMetrics on a five-bar curve', () => {
  const equity = Float64Array.of(100, 110, 99, 105, 120);
  const benchmark = Float64Array.of(1, 1.05, 1, 1.1, 1.2);
  const metrics = computeBacktestMetrics({
    equity, trades: [trade(30), trade(-10), trade(-5), trade(20, false)], barsInMarket: 3, initialCash: 100, tradedValue: 434, benchmark,
  });
  const returns = [10 / 100, -11 / 110, 6 / 99, 15 / 105];
  const mean = (returns[0] + returns[1] + returns[2] + returns[3]) / 4;

  it('Sortino divides the mean by the root mean square of the losing days over all days', () => {
    const downside = Math.sqrt((0.1 * 0.1) / 4); // only −10% is negative
    expect(metrics.sortino).toBeCloseTo((mean / downside) * Math.sqrt(252), 9);
  });

  it('max drawdown 10% (110 → 99), two bars under water, Calmar = annualized / 0.1', () => {
    expect(metrics.maxDrawdown).toBeCloseTo(0.1, 12);
    expect(metrics.maxDrawdownBars).toBe(2);
    expect(metrics.annualizedReturn).toBeCloseTo(Math.pow(1.2, 252 / 4) - 1, 6);
    expect(metrics.calmar).toBeCloseTo(metrics.annualizedReturn / 0.1, 6);
  });

  it('profit factor, average trade and win rate count closed trades only', () => {
    expect(metrics.profitFactor).toBe(30 / 15);
    expect(metrics.averageTrade).toBe(5);
    expect(metrics.winRate).toBeCloseTo(1 / 3, 12);
    expect(metrics.trades).toBe(4);
    expect(computeBacktestMetrics({ equity, trades: [trade(3)], barsInMarket: 0, initialCash: 100 }).profitFactor).toBeNull();
  });

  it('turnover is traded value over mean equity per year, exposure the share of bars in the market', () => {
    expect(metrics.turnover).toBeCloseTo((434 / 106.8) * (252 / 5), 9);
    expect(metrics.exposure).toBe(0.6);
  });

  it('beta and alpha against the benchmark from daily returns', () => {
    const market = [0.05, -0.05 / 1.05, 0.1, 0.1 / 1.1];
    const marketMean = (market[0] + market[1] + market[2] + market[3]) / 4;
    let covariance = 0;
    let variance = 0;
    for (let index = 0; index < 4; index++) {
      covariance += (returns[index] - mean) * (market[index] - marketMean);
      variance += (market[index] - marketMean) ** 2;
    }
    const beta = covariance / variance;
    expect(metrics.benchmark!.beta).toBeCloseTo(beta, 9);
    expect(metrics.benchmark!.alpha).toBeCloseTo((mean - beta * marketMean) * 252, 9);
    expect(metrics.benchmark!.totalReturn).toBeCloseTo(0.2, 12);
  });
});

describe('backtest determinism', () => {
  it('gives byte-identical JSON for the same spec, data and settings', () => {
    const [series] = generateDemoMarket({ seed: 11, years: 4 });
    const settings = { initialCash: 50_000, commissionRate: 0.0005, slippage: { kind: 'bps' as const, bps: 3 }, participationCap: 0.05, borrowRate: 0.02 };
    const spec = { ...getStrategy('rsi_mean_reversion'), side: 'short' as const, stops: { trailing: 0.08 } };
    const first = JSON.stringify(runSpecBacktest(series, spec, { period: 10 }, settings));
    const second = JSON.stringify(runSpecBacktest(structuredClone(series), structuredClone(spec), { period: 10 }, structuredClone(settings)));
    expect(second).toBe(first);
    expect(JSON.parse(first).trades.length).toBeGreaterThan(3);
  });
});
