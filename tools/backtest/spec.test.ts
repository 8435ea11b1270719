import { describe, expect, it } from 'vitest';
import type { BacktestSettings, BarSeries, BoolExpr, StrategySpec } from '../../core/index.ts';
import { generateDemoMarket, generateSyntheticBars } from '../market/index.ts';
import { getStrategy, listStrategies } from '../strategy/index.ts';
import { runCrossoverBacktest } from './crossover.ts';
import { sizingWeights } from './sizing.ts';
import { runSpecBacktest } from './spec.ts';

const settings: BacktestSettings = { initialCash: 100_000, commissionRate: 0.001 };

/** Closes rise 10 → 14 then fall to 10 and rise again; each open is the previous close. */
function wave(): BarSeries {
  const closes = [10, 11, 12, 13, 14, 13, 12, 11, 10, 11, 12];
  const dates = ['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09', '2025-01-10', '2025-01-13', '2025-01-14', '2025-01-15', '2025-01-16', '2025-01-17', '2025-01-20'];
  const opens = closes.map((close, index) => (index === 0 ? close : closes[index - 1]));
  return {
    symbol: 'WAVE', dates, open: Float64Array.from(opens), close: Float64Array.from(closes),
    high: Float64Array.from(closes, (close) => close + 1), low: Float64Array.from(closes, (close) => close - 1), volume: new Float64Array(closes.length).fill(1),
  };
}

/** Enter when the close is at or above `enterAt`, exit when at or below `exitAt`. */
function thresholdSpec(overrides: Partial<StrategySpec> = {}): StrategySpec {
  return {
    version: 1, name: 'threshold', description: 'test', universe: [], parameters: {},
    entry: { op: 'gte', args: [{ price: 'close' }, 11] }, exit: { op: 'lte', args: [{ price: 'close' }, 11] },
    side: 'long', sizing: { kind: 'all-in' }, ...overrides,
  };
}

describe('runSpecBacktest', () => {
  it('reproduces runCrossoverBacktest exactly for the sma_crossover and ema_crossover specs', () => {
    for (const series of generateDemoMarket({ seed: 3 }).slice(0, 4)) {
      for (const average of ['sma', 'ema'] as const) {
        const crossover = runCrossoverBacktest(series, { fast: 10, slow: 30, average }, settings);
        const spec = runSpecBacktest(series, getStrategy(`${average}_crossover`), { fast: 10, slow: 30 }, settings);
        expect(spec.trades.length).toBeGreaterThan(0);
        expect(JSON.stringify({ ...spec, params: null })).toBe(JSON.stringify({ ...crossover, params: null }));
        expect(spec.params).toEqual({ fast: 10, slow: 30 });
      }
    }
  });

  it('fills at the next open with whole shares (long)', () => {
    // Entry signal at bar 1 (close 11) → buy at the open of bar 2 (11): floor(1000 / 11) = 90 shares.
    // Exit signal at bar 7 (close 11) → sell at the open of bar 8 (11); re-entry at bar 9 → buy at bar 10's open (11).
    const result = runSpecBacktest(wave(), thresholdSpec(), {}, { initialCash: 1000, commissionRate: 0 });
    expect(result.trades).toMatchObject([
      { entryDate: '2025-01-08', entryPrice: 11, exitDate: '2025-01-16', exitPrice: 11, quantity: 90, pnl: 0 },
      { entryDate: '2025-01-20', entryPrice: 11, exitDate: null, quantity: 90, pnl: 90 },
    ]);
    expect(result.metrics.finalEquity).toBe(1090);
    expect(result.strategy).toBe('threshold');
  });

  it('sells short and covers, gaining when the price falls', () => {
    // Short when the close is at or above 13 (bar 3) → sell 76 at 13 (bar 4's open); cover when at or below 11 (bar 7) → buy at 11.
    const spec = thresholdSpec({ side: 'short', entry: { op: 'gte', args: [{ price: 'close' }, 13] } });
    const result = runSpecBacktest(wave(), spec, {}, { initialCash: 1000, commissionRate: 0 });
    expect(result.trades[0]).toMatchObject({ entryDate: '2025-01-10', entryPrice: 13, exitDate: '2025-01-16', exitPrice: 11, quantity: 76, pnl: 152 });
    expect(result.equityCurve.equity[4]).toBe(1000 + 76 * 13 - 76 * 14); // short 76 marked at 14
    expect(result.metrics.finalEquity).toBeCloseTo(1152, 9); // the re-entry at 13 never comes
  });

  it('sizes fixed-shares and percent-equity positions', () => {
    const fixed = runSpecBacktest(wave(), thresholdSpec({ sizing: { kind: 'fixed-shares', shares: 7 } }), {}, { initialCash: 1000, commissionRate: 0 });
    expect(fixed.trades[0].quantity).toBe(7);
    const half = runSpecBacktest(wave(), thresholdSpec({ sizing: { kind: 'percent-equity', percent: 0.5 } }), {}, { initialCash: 1000, commissionRate: 0 });
    expect(half.trades[0].quantity).toBe(45); // floor(500 / 11)
  });

  it('leaves on a stop-loss, take-profit or trailing stop judged at the close', () => {
    const exitNever: BoolExpr = { op: 'lt', args: [{ price: 'close' }, 0] };
    const cash = { initialCash: 1000, commissionRate: 0 };
    // Bought at 11 (bar 2). Take-profit 20%: close 14 at bar 4 is +27% → sell at bar 5's open (14).
    const profit = runSpecBacktest(wave(), thresholdSpec({ exit: exitNever, stops: { takeProfit: 0.2 } }), {}, cash);
    expect(profit.trades[0]).toMatchObject({ exitDate: '2025-01-13', exitPrice: 14 });
    // Trailing 10% from the best close 14: close 12 at bar 6 is −14% → sell at bar 7's open (12).
    const trailing = runSpecBacktest(wave(), thresholdSpec({ exit: exitNever, stops: { trailing: 0.1 } }), {}, cash);
    expect(trailing.trades[0]).toMatchObject({ exitDate: '2025-01-15', exitPrice: 12 });
    // Stop-loss 5% below 11: close 10 at bar 8 is −9% → sell at bar 9's open (10).
    const loss = runSpecBacktest(wave(), thresholdSpec({ exit: exitNever, stops: { stopLoss: 0.05 } }), {}, cash);
    expect(loss.trades[0]).toMatchObject({ exitDate: '2025-01-17', exitPrice: 10 });
  });

  it('runs every library spec on generated bars with a consistent equity curve', () => {
    const series = generateSyntheticBars({ symbol: 'SYN', seed: 5, startDate: '2021-01-04', endDate: '2024-12-31', initialPrice: 50, annualDrift: 0.05, annualVolatility: 0.35 });
    const sentiment = Object.fromEntries(series.dates.map((date, index) => [date, Math.sin(index / 7)]));
    for (const spec of listStrategies().filter((candidate) => candidate.rotation === undefined && candidate.pairs === undefined)) {
      const result = runSpecBacktest(series, spec, {}, settings, { sentiment });
      const totalPnl = result.trades.reduce((sum, trade) => sum + trade.pnl, 0);
      expect(result.metrics.trades, spec.name).toBeGreaterThan(0);
      expect(result.metrics.finalEquity - settings.initialCash, spec.name).toBeCloseTo(totalPnl, 6);
    }
  });

  it('refuses bad settings, bad parameters and a one-bar series', () => {
    const spec = getStrategy('sma_crossover');
    expect(() => runSpecBacktest(wave(), spec, {}, { initialCash: 0, commissionRate: 0 })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => runSpecBacktest(wave(), spec, { fast: 0 }, settings)).toThrow(/params.fast: must lie within \[1, 200\]/);
    const one = { ...wave(), dates: ['2025-01-06'], open: Float64Array.of(1), high: Float64Array.of(1), low: Float64Array.of(1), close: Float64Array.of(1), volume: Float64Array.of(1) };
    expect(() => runSpecBacktest(one, spec, {}, settings)).toThrow(expect.objectContaining({ code: 'insufficient_data' }));
  });

  it('goes long and short with side long-short', () => {
    // Long on close <= 10 (bar 0), out on close >= 13 (bar 3); short on close >= 14 (bar 4), cover on close <= 11 (bar 7).
    const close = { price: 'close' } as const;
    const spec = thresholdSpec({
      side: 'long-short', entry: { op: 'lte', args: [close, 10] }, exit: { op: 'gte', args: [close, 13] },
      shortEntry: { op: 'gte', args: [close, 14] }, shortExit: { op: 'lte', args: [close, 11] },
    });
    const result = runSpecBacktest(wave(), spec, {}, { initialCash: 1000, commissionRate: 0 });
    expect(result.trades.map((trade) => [trade.side, trade.entryPrice, trade.exitPrice])).toEqual([['long', 10, 13], ['short', 14, 11], ['long', 10, null]]);
    expect(result.trades[1].quantity).toBe(Math.floor(1300 / 14));
  });

  it('orders a limit entry 5% below the signal close; a day limit the market does not reach expires', () => {
    // Lows are close − 1: bars 2-4 stay above 5% under the previous close; bar 5 (open 14, low 12) reaches 14 × 0.95 = 13.3.
    const result = runSpecBacktest(wave(), thresholdSpec({ entryOrder: { type: 'limit', offset: 0.05 } }), {}, { initialCash: 1000, commissionRate: 0 });
    const entries = result.orders!.filter((order) => order.reason === 'entry');
    expect(entries.slice(0, 4).map((order) => [order.status, order.limitPrice])).toEqual([
      ['expired', 11 * 0.95], ['expired', 12 * 0.95], ['expired', 13 * 0.95], ['filled', 14 * 0.95],
    ]);
    expect(entries[3].fills).toMatchObject([{ date: '2025-01-13', price: 14 * 0.95 }]);
    expect(result.trades[0]).toMatchObject({ entryDate: '2025-01-13', entryPrice: 14 * 0.95, quantity: Math.floor(1000 / (14 * 0.95)) });
  });

  it('names the stop that closed a position in the exit order', () => {
    const exitNever: BoolExpr = { op: 'lt', args: [{ price: 'close' }, 0] };
    const result = runSpecBacktest(wave(), thresholdSpec({ exit: exitNever, stops: { takeProfit: 0.2 } }), {}, { initialCash: 1000, commissionRate: 0 });
    expect(result.orders!.map((order) => order.reason)).toEqual(['entry', 'take-profit', 'entry']);
  });
});

describe('sizingWeights', () => {
  const close = Float64Array.of(100, 101, 100, 102, 101);
  const returns = [0.01, -1 / 101, 0.02, -1 / 102];
  it('targets volatility from the sample std of the last lookback returns, capped', () => {
    const mean = (returns[1] + returns[2]) / 2;
    const std = Math.sqrt(((returns[1] - mean) ** 2 + (returns[2] - mean) ** 2) / 1);
    const weights = sizingWeights({ kind: 'volatility-target', target: 0.1, lookback: 2, cap: 2 }, close) as Float64Array;
    expect(weights[1]).toBeNaN();
    expect(weights[3]).toBeCloseTo(Math.min(2, 0.1 / (std * Math.sqrt(252))), 12);
  });

  it('bets a fraction of mean / variance for Kelly, clamped to [0, cap]', () => {
    const mean = (returns[2] + returns[3]) / 2;
    const variance = (returns[2] - mean) ** 2 + (returns[3] - mean) ** 2;
    const weights = sizingWeights({ kind: 'kelly', fraction: 0.5, lookback: 2, cap: 100 }, close) as Float64Array;
    expect(weights[4]).toBeCloseTo(Math.max(0, (0.5 * mean) / variance), 9);
    expect((sizingWeights({ kind: 'kelly', fraction: 0.5, lookback: 2, cap: 0.3 }, Float64Array.of(1, 1.1, 1.2, 1.3)) as Float64Array)[3]).toBe(0.3);
  });
});
