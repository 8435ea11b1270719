import { describe, expect, it } from 'vitest';
import type { BacktestSettings, BarSeries } from '../../core/index.ts';
import { generateDemoMarket } from '../market/index.ts';
import { runCrossoverBacktest } from './crossover.ts';

// 12 bars, fast SMA 2, slow SMA 3.
//            0   1    2    3    4    5   6     7     8  9    10   11
const closes = [10, 9, 8, 9, 11, 12, 11, 9, 8, 9, 11, 12];
const opens = [10, 9.8, 8.9, 8.2, 9.1, 11, 12.1, 10.8, 9, 8.1, 9.2, 11.5];
const dates = ['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10', '2025-01-13',
  '2025-01-14', '2025-01-15', '2025-01-16', '2025-01-17', '2025-01-20', '2025-01-21'];

function handSeries(): BarSeries {
  return {
    symbol: 'HAND',
    dates,
    open: Float64Array.from(opens),
    high: Float64Array.from(opens, (open, index) => Math.max(open, closes[index]) + 0.5),
    low: Float64Array.from(opens, (open, index) => Math.min(open, closes[index]) - 0.5),
    close: Float64Array.from(closes),
    volume: new Float64Array(12).fill(1000),
  };
}

const settings: BacktestSettings = { initialCash: 1000, commissionRate: 0.01 };

describe('runCrossoverBacktest on a hand-computed series', () => {
  // fast (SMA2) from bar 1: 9.5 8.5 8.5 10 11.5 11.5 10 8.5 8.5 10 11.5
  // slow (SMA3) from bar 2: 9 8.67 9.33 10.67 11.33 10.67 9.33 8.67 9.33 10.67
  // fast > slow: bar 3 no, bar 4 yes (cross up) -> buy at the open of bar 5 (11)
  //              bar 6 yes, bar 7 no (cross down) -> sell at the open of bar 8 (9)
  //              bar 9 no, bar 10 yes (cross up) -> buy at the open of bar 11 (11.5), still open at the end
  const result = runCrossoverBacktest(handSeries(), { fast: 2, slow: 3, average: 'sma' }, settings);

  it('fills at the next open with whole shares and commission paid in cash', () => {
    // Bar 5: floor(1000 / (11 × 1.01)) = 90 shares, value 990, commission 9.90, cash 0.10.
    // Bar 8: sell 90 × 9 = 810, commission 8.10, cash 0.10 + 810 − 8.10 = 802.
    // Bar 11: floor(802 / (11.5 × 1.01)) = 69 shares, value 793.50, commission 7.935, cash 0.565.
    expect(result.trades).toHaveLength(2);
    const [closed, open] = result.trades;
    expect(closed).toMatchObject({ entryDate: '2025-01-13', entryPrice: 11, exitDate: '2025-01-16', exitPrice: 9, quantity: 90 });
    expect(closed.pnl).toBeCloseTo(90 * (9 - 11) - 9.9 - 8.1, 9); // −198
    expect(closed.returnPct).toBeCloseTo(-198 / 999.9, 12);
    expect(open).toMatchObject({ entryDate: '2025-01-21', entryPrice: 11.5, exitDate: null, exitPrice: null, quantity: 69 });
    expect(open.pnl).toBeCloseTo(69 * (12 - 11.5) - 7.935, 9); // 26.565, marked at the last close
    expect(open.returnPct).toBeCloseTo(26.565 / 801.435, 12);
  });

  it('marks equity as cash plus shares at each close', () => {
    const expected = [1000, 1000, 1000, 1000, 1000, 0.1 + 90 * 12, 0.1 + 90 * 11, 0.1 + 90 * 9, 802, 802, 802, 0.565 + 69 * 12];
    expect(result.equityCurve.dates).toEqual(dates);
    result.equityCurve.equity.forEach((value, index) => expect(value).toBeCloseTo(expected[index], 9));
  });

  it('computes the metrics from that equity curve', () => {
    const equity = [1000, 1000, 1000, 1000, 1000, 1080.1, 990.1, 810.1, 802, 802, 802, 828.565];
    const returns = equity.slice(1).map((value, index) => value / equity[index] - 1);
    const mean = returns.reduce((sum, value) => sum + value, 0) / returns.length;
    const deviation = Math.sqrt(returns.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (returns.length - 1));
    const { metrics } = result;
    expect(metrics.finalEquity).toBeCloseTo(828.565, 9);
    expect(metrics.totalReturn).toBeCloseTo(-0.171435, 9);
    expect(metrics.annualizedReturn).toBeCloseTo(Math.pow(0.828565, 252 / 11) - 1, 9);
    expect(metrics.annualizedVolatility).toBeCloseTo(deviation * Math.sqrt(252), 9);
    expect(metrics.sharpe).toBeCloseTo((mean / deviation) * Math.sqrt(252), 9);
    expect(metrics.maxDrawdown).toBeCloseTo((1080.1 - 802) / 1080.1, 9);
    expect(metrics.trades).toBe(2);
    expect(metrics.winRate).toBe(0);
    expect(metrics.exposure).toBeCloseTo(4 / 12, 12); // bars 5, 6, 7 and 11 close holding shares
  });

  it('describes the run', () => {
    expect(result).toMatchObject({
      symbol: 'HAND', strategy: 'sma_crossover', params: { fast: 2, slow: 3, average: 'sma' },
      from: '2025-01-06', to: '2025-01-21', bars: 12, settings,
    });
  });
});

describe('runCrossoverBacktest', () => {
  const [apple] = generateDemoMarket({ seed: 42 });

  it('returns deep-equal results for the same input', () => {
    const params = { fast: 10, slow: 30, average: 'ema' as const };
    const first = runCrossoverBacktest(apple, params, { initialCash: 100_000, commissionRate: 0.001 });
    const second = runCrossoverBacktest(apple, params, { initialCash: 100_000, commissionRate: 0.001 });
    expect(second).toEqual(first);
    expect(first.strategy).toBe('ema_crossover');
    expect(first.metrics.trades).toBeGreaterThan(10);
  });

  it('keeps the equity curve consistent with the trades', () => {
    const result = runCrossoverBacktest(apple, { fast: 20, slow: 50, average: 'sma' }, { initialCash: 100_000, commissionRate: 0.001 });
    const totalPnl = result.trades.reduce((sum, trade) => sum + trade.pnl, 0);
    expect(result.metrics.finalEquity - 100_000).toBeCloseTo(totalPnl, 6);
    expect(result.metrics.maxDrawdown).toBeGreaterThanOrEqual(0);
    expect(result.metrics.exposure).toBeGreaterThan(0);
    expect(result.metrics.exposure).toBeLessThanOrEqual(1);
  });

  it('needs at least slow + 2 bars', () => {
    const series = handSeries();
    expect(() => runCrossoverBacktest(series, { fast: 2, slow: 11, average: 'sma' }, settings)).toThrow(
      expect.objectContaining({ code: 'insufficient_data', message: expect.stringMatching(/has 12 bars.*needs at least 13/) }),
    );
    expect(() => runCrossoverBacktest(series, { fast: 2, slow: 10, average: 'sma' }, settings)).not.toThrow();
  });

  it('refuses a fast period that is not shorter than the slow one', () => {
    expect(() => runCrossoverBacktest(handSeries(), { fast: 3, slow: 3, average: 'sma' }, settings)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('makes no trade when the cash cannot buy one share', () => {
    const result = runCrossoverBacktest(handSeries(), { fast: 2, slow: 3, average: 'sma' }, { initialCash: 5, commissionRate: 0 });
    expect(result.trades).toEqual([]);
    expect(result.metrics).toMatchObject({ trades: 0, totalReturn: 0, sharpe: 0, annualizedVolatility: 0, exposure: 0, winRate: 0 });
  });
});
