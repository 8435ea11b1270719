import { describe, expect, it } from 'vitest';
import type { BacktestSettings, BarSeries, StrategySpec } from '../../core/index.ts';
import { generateDemoMarket, generateSyntheticBars } from '../market/index.ts';
import { getStrategy } from '../strategy/index.ts';
import { runPortfolioBacktest } from './portfolio.ts';
import { runSpecBacktest } from './spec.ts';

const settings: BacktestSettings = { initialCash: 100_000, commissionRate: 0.001 };
const market = generateDemoMarket({ seed: 7, years: 3 }).slice(0, 5);

function pnlMatchesEquity(result: ReturnType<typeof runPortfolioBacktest>): void {
  const pnl = result.trades.reduce((sum, trade) => sum + trade.pnl, 0);
  expect(result.metrics.finalEquity - settings.initialCash).toBeCloseTo(pnl, 6);
}

describe('runPortfolioBacktest: momentum rotation', () => {
  const result = runPortfolioBacktest(market, getStrategy('momentum_rotation'), { lookback: 60, top: 2 }, settings);

  it('trades several symbols and keeps the equity consistent with the trades', () => {
    expect(result.symbols).toEqual(market.map((series) => series.symbol));
    expect(new Set(result.trades.map((trade) => trade.symbol)).size).toBeGreaterThan(2);
    pnlMatchesEquity(result);
  });

  it('rebalances only at the first bar of a month and never holds more than top symbols', () => {
    const rebalances = result.orders!.filter((order) => order.reason === 'rebalance');
    expect(rebalances.length).toBeGreaterThan(10);
    for (const order of rebalances) {
      const index = result.equityCurve.dates.indexOf(order.submitted);
      expect(order.submitted.slice(0, 7)).not.toBe(result.equityCurve.dates[index - 1].slice(0, 7));
    }
    const held = new Map<string, number>();
    const events = result.orders!.flatMap((order) => order.fills.map((fill) => ({ ...fill, symbol: order.symbol, signed: order.side === 'buy' ? fill.quantity : -fill.quantity })));
    for (const date of [...new Set(events.map((event) => event.date))].sort()) {
      for (const event of events.filter((candidate) => candidate.date === date)) held.set(event.symbol, (held.get(event.symbol) ?? 0) + event.signed);
      expect([...held.values()].filter((quantity) => quantity !== 0).length).toBeLessThanOrEqual(2);
    }
  });
});

describe('runPortfolioBacktest: pairs z-score', () => {
  const base = generateSyntheticBars({ symbol: 'BBB', seed: 3, startDate: '2022-01-03', endDate: '2024-12-31', initialPrice: 50, annualDrift: 0.05, annualVolatility: 0.25 });
  // A = 2 × B plus a mean-reverting wobble: cointegrated with beta 2.
  const wobble = (index: number) => 3 * Math.sin(index / 6);
  const legA: BarSeries = {
    ...base, symbol: 'AAA',
    open: base.open.map((value, index) => 2 * value + wobble(index)), close: base.close.map((value, index) => 2 * value + wobble(index)),
    high: base.high.map((value, index) => 2 * value + wobble(index) + 4), low: base.low.map((value, index) => 2 * value + wobble(index) - 4),
  };
  const result = runPortfolioBacktest([legA, base], getStrategy('pairs_zscore'), { lookback: 40, entryZ: 1.25, exitZ: 0.25 }, settings);

  it('trades both legs in opposite directions, B sized by the rolling hedge ratio (about 2)', () => {
    const entries = result.orders!.filter((order) => order.reason === 'entry' && order.status === 'filled');
    expect(entries.length).toBeGreaterThan(4);
    for (let index = 0; index < entries.length; index += 2) {
      const [a, b] = [entries[index], entries[index + 1]];
      expect([a.symbol, b.symbol]).toEqual(['AAA', 'BBB']);
      expect(a.side).not.toBe(b.side);
      expect(b.quantity / a.quantity).toBeGreaterThan(1);
      expect(b.quantity / a.quantity).toBeLessThan(3);
    }
    expect(new Set(result.trades.map((trade) => trade.side))).toEqual(new Set(['long', 'short']));
    pnlMatchesEquity(result);
  });

  it('is refused by the single-symbol runner and needs exactly two series', () => {
    expect(() => runSpecBacktest(base, getStrategy('pairs_zscore'), {}, settings)).toThrow(/runPortfolioBacktest/);
    expect(() => runPortfolioBacktest([base], getStrategy('pairs_zscore'), {}, settings)).toThrow(/exactly 2 series/);
  });
});

describe('runPortfolioBacktest: independent symbols on a shared calendar', () => {
  it('splits the sizing between symbols and does not trade a symbol on a date it has no bar', () => {
    const [first, second] = market;
    // Drop every fifth bar of the second symbol.
    const keep = second.dates.map((_date, index) => index % 5 !== 0);
    const gappy: BarSeries = {
      symbol: second.symbol, dates: second.dates.filter((_date, index) => keep[index]),
      open: second.open.filter((_value, index) => keep[index]), high: second.high.filter((_value, index) => keep[index]),
      low: second.low.filter((_value, index) => keep[index]), close: second.close.filter((_value, index) => keep[index]),
      volume: second.volume.filter((_value, index) => keep[index]),
    };
    const result = runPortfolioBacktest([first, gappy], getStrategy('sma_crossover'), { fast: 5, slow: 20 }, settings);
    const ownDates = new Set(gappy.dates);
    const fills = result.orders!.filter((order) => order.symbol === gappy.symbol).flatMap((order) => order.fills);
    expect(fills.length).toBeGreaterThan(5);
    for (const fill of fills) expect(ownDates.has(fill.date)).toBe(true);
    const firstEntry = result.orders!.find((order) => order.reason === 'entry' && order.fills.length > 0)!;
    expect(firstEntry.fills[0].quantity * firstEntry.fills[0].price).toBeLessThan(settings.initialCash * 0.5);
    pnlMatchesEquity(result);
  });

  it('refuses a universe the series do not cover', () => {
    const spec: StrategySpec = { ...getStrategy('sma_crossover'), universe: ['ZZZ'] };
    expect(() => runPortfolioBacktest(market, spec, {}, settings)).toThrow(/no series for ZZZ/);
  });
});
