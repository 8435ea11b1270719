import { describe, expect, it } from 'vitest';
import { deriveCorporateActions } from './corporate-actions.ts';
import { barsOf, runScript } from './test-market.ts';

// Bar 0 is the signal bar; bar 1 is O100 H105 L95 C102; bar 2 dips to 89.
const rows = [
  [100, 101, 99, 100, 1000],
  [100, 105, 95, 102, 1000],
  [101, 103, 89, 92, 1000],
  [93, 96, 90, 95, 1000],
];
const stock = () => barsOf('ACME', rows);
const fillsOf = (engine: ReturnType<typeof runScript>, id = 1) => engine.orders[id - 1].fills.map((fill) => [fill.date, fill.quantity, fill.price]);

describe('BacktestEngine order types (hand-computed fills)', () => {
  it('fills a market order at the next open, or at the signal close when configured', () => {
    expect(fillsOf(runScript([stock()], { 0: [{ symbol: 0, side: 'buy', quantity: 10 }] }))).toEqual([['2025-01-02', 10, 100]]);
    expect(fillsOf(runScript([stock()], { 0: [{ symbol: 0, side: 'buy', quantity: 10 }] }, { fillAt: 'close' }))).toEqual([['2025-01-01', 10, 100]]);
    const atClose = runScript([stock()], { 1: [{ symbol: 0, side: 'buy', quantity: 10 }] }, { fillAt: 'close' });
    expect(fillsOf(atClose)).toEqual([['2025-01-02', 10, 102]]);
    expect(atClose.equity[1]).toBe(10_000); // bought at the close it is marked at
  });

  it('fills limits at the limit when touched and at the open on a gap', () => {
    expect(fillsOf(runScript([stock()], { 0: [{ symbol: 0, side: 'buy', type: 'limit', limitPrice: 97, quantity: 1 }] }))).toEqual([['2025-01-02', 1, 97]]);
    expect(fillsOf(runScript([stock()], { 0: [{ symbol: 0, side: 'buy', type: 'limit', limitPrice: 101, quantity: 1 }] }))).toEqual([['2025-01-02', 1, 100]]);
    expect(fillsOf(runScript([stock()], { 0: [{ symbol: 0, side: 'buy', type: 'limit', limitPrice: 95, quantity: 1 }] }))).toEqual([['2025-01-02', 1, 95]]);
  });

  it('fills stops at the stop when touched and at the (worse) open on a gap; stop-limits within their limit', () => {
    expect(fillsOf(runScript([stock()], { 0: [{ symbol: 0, side: 'buy', type: 'stop', stopPrice: 104, quantity: 1 }] }))).toEqual([['2025-01-02', 1, 104]]);
    expect(fillsOf(runScript([stock()], { 0: [{ symbol: 0, side: 'buy', type: 'stop', stopPrice: 98, quantity: 1 }] }))).toEqual([['2025-01-02', 1, 100]]);
    expect(fillsOf(runScript([stock()], { 0: [{ symbol: 0, side: 'buy', type: 'stop_limit', stopPrice: 103, limitPrice: 104, quantity: 1 }] }))).toEqual([['2025-01-02', 1, 103]]);
    // Sell stop 96 on bar 1 (low 95) while long 1 share.
    const stopped = runScript([stock()], { 0: [{ symbol: 0, side: 'buy', quantity: 1 }, { symbol: 0, side: 'sell', type: 'stop', stopPrice: 96, quantity: 1, timeInForce: 'gtc' }] });
    expect(fillsOf(stopped, 2)).toEqual([['2025-01-02', 1, 96]]);
  });

  it('expires an unfilled day order after one session and keeps a GTC order working until it fills', () => {
    const day = runScript([stock()], { 0: [{ symbol: 0, side: 'buy', type: 'limit', limitPrice: 90, quantity: 1 }] });
    expect(day.orders[0]).toMatchObject({ status: 'expired', filled: 0, sessions: 1 });
    const gtc = runScript([stock()], { 0: [{ symbol: 0, side: 'buy', type: 'limit', limitPrice: 90, quantity: 1, timeInForce: 'gtc' }] });
    expect(gtc.orders[0]).toMatchObject({ status: 'filled', sessions: 2 });
    expect(fillsOf(gtc)).toEqual([['2025-01-03', 1, 90]]);
  });
});

describe('BacktestEngine costs', () => {
  const buyTen = { 0: [{ symbol: 0, side: 'buy' as const, quantity: 10 }] };
  it('charges each commission model on the fill', () => {
    // 10 shares at 100 = 1,000 of value.
    expect(runScript([stock()], buyTen, { commissionRate: 0.001 }).orders[0].fills[0].commission).toBeCloseTo(1, 12);
    expect(runScript([stock()], buyTen, { commission: { kind: 'per_share', perShare: 0.005, minimum: 1 } }).orders[0].fills[0].commission).toBe(1);
    const fixed = runScript([stock()], buyTen, { commission: { kind: 'fixed', amount: 4.95 } });
    expect(fixed.orders[0].fills[0].commission).toBe(4.95);
    expect(fixed.cash).toBeCloseTo(10_000 - 1_000 - 4.95, 9);
  });

  it('slips market fills against the trader', () => {
    const slipped = runScript([stock()], buyTen, { slippage: { kind: 'bps', bps: 10 } });
    expect(slipped.orders[0].fills[0].price).toBeCloseTo(100.1, 12);
    const spread = runScript([stock()], { 0: [{ symbol: 0, side: 'sell', quantity: 10 }] }, { slippage: { kind: 'spread', spreadBps: 20, fraction: 0.5 } });
    expect(spread.orders[0].fills[0].price).toBeCloseTo(99.9, 12);
  });

  it('fills in parts under a participation cap: GTC keeps working, day expires', () => {
    const thin = barsOf('THIN', [[10, 10, 10, 10, 50], [10, 10, 10, 10, 50], [10, 10, 10, 10, 50], [10, 10, 10, 10, 50], [10, 10, 10, 10, 50]]);
    const gtc = runScript([thin], { 0: [{ symbol: 0, side: 'buy', quantity: 12, timeInForce: 'gtc' }] }, { participationCap: 0.1 });
    expect(fillsOf(gtc)).toEqual([['2025-01-02', 5, 10], ['2025-01-03', 5, 10], ['2025-01-04', 2, 10]]);
    expect(gtc.orders[0]).toMatchObject({ status: 'filled', filled: 12, note: 'participation cap 0.1 of bar volume' });
    const day = runScript([thin], { 0: [{ symbol: 0, side: 'buy', quantity: 12 }] }, { participationCap: 0.1 });
    expect(day.orders[0]).toMatchObject({ status: 'expired', filled: 5 });
    expect(day.position[0]).toBe(5);
  });
});

describe('BacktestEngine portfolio accounting', () => {
  it('accrues the borrow fee on short market value each bar', () => {
    // Short 10 at 100 on bar 1; fee = 10 × close × 0.252 / 252 = 0.01 × close per bar.
    const engine = runScript([stock()], { 0: [{ symbol: 0, side: 'sell', quantity: 10 }] }, { borrowRate: 0.252 });
    const fees = 0.01 * 102 + 0.01 * 92 + 0.01 * 95;
    expect(engine.cash).toBeCloseTo(10_000 + 1_000 - fees, 9);
    expect(engine.equity[3]).toBeCloseTo(10_000 + 1_000 - fees - 950, 9);
    const [trade] = engine.trades.all(engine.lastClose);
    expect(trade.income).toBeCloseTo(-fees, 12);
    expect(trade.pnl).toBeCloseTo(10 * (100 - 95) - fees, 9);
  });

  it('credits a dividend and applies a split to the position and open orders', () => {
    // Long 10 from bar 1 at 100; 0.5 dividend ex at bar 2; 2-for-1 split at bar 3 (prices halve).
    const split = barsOf('SPL', [[100, 100, 100, 100, 1e6], [100, 100, 100, 100, 1e6], [100, 100, 100, 100, 1e6], [50, 51, 49, 50, 1e6], [50, 50, 44, 45, 1e6]]);
    const engine = runScript([split], { 0: [{ symbol: 0, side: 'buy', quantity: 10 }, { symbol: 0, side: 'sell', type: 'limit', limitPrice: 120, quantity: 10, timeInForce: 'gtc' }] }, {
      corporateActions: { SPL: { dividends: [{ date: '2025-01-03', amount: 0.5 }], splits: [{ date: '2025-01-04', ratio: 2 }] } },
    });
    expect(engine.position[0]).toBe(20);
    expect(engine.cash).toBeCloseTo(10_000 - 1_000 + 5, 9);
    expect(engine.equity[3]).toBeCloseTo(9_005 + 20 * 50, 9);
    expect(engine.orders[1]).toMatchObject({ quantity: 20, limitPrice: 60, status: 'working' });
    const [trade] = engine.trades.all(engine.lastClose);
    expect(trade).toMatchObject({ quantity: 20, entryPrice: 50, income: 5 });
    expect(trade.pnl).toBeCloseTo(20 * (45 - 50) + 5, 9);
  });

  it('reduces an order to the margin limit and refuses one with no room', () => {
    const small = { initialCash: 1_000 };
    const reduced = runScript([stock()], { 0: [{ symbol: 0, side: 'buy', quantity: 20 }] }, small);
    expect(reduced.orders[0]).toMatchObject({ status: 'filled', quantity: 10, filled: 10, note: 'reduced by the margin limit (leverage 1)' });
    const levered = runScript([stock()], { 0: [{ symbol: 0, side: 'buy', quantity: 20 }] }, { ...small, maxLeverage: 2 });
    expect(levered.orders[0]).toMatchObject({ filled: 20 });
    expect(levered.cash).toBe(-1_000);
    // All cash in 10 shares at 100; a further buy at 101 finds equity 1,010 all used.
    const refused = runScript([stock()], { 0: [{ symbol: 0, side: 'buy', quantity: 10 }], 1: [{ symbol: 0, side: 'buy', quantity: 1 }] }, small);
    expect(refused.orders[1]).toMatchObject({ status: 'refused', filled: 0, note: 'margin limit: leverage 1 leaves no room' });
  });

  it('tracks MAE and MFE of a trade over the bars it was open', () => {
    // Bought at 100 (bar 1 open; bar 1 low 95, bar 2 low 89 high 103), sold at 93 (bar 3 open).
    const engine = runScript([stock()], { 0: [{ symbol: 0, side: 'buy', quantity: 1 }], 2: [{ symbol: 0, side: 'sell', closePosition: true }] });
    const [trade] = engine.trades.all(engine.lastClose);
    expect(trade).toMatchObject({ entryPrice: 100, exitPrice: 93, exitDate: '2025-01-04', side: 'long' });
    expect(trade.mae).toBeCloseTo(0.11, 12);
    expect(trade.mfe).toBeCloseTo(0.05, 12);
  });
});

describe('deriveCorporateActions', () => {
  it('reads dividends and splits from the step of adjClose / close', () => {
    const dates = ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-06'];
    // A 2 dividend ex on 01-02 (factor 0.98 → 1); a raw 2-for-1 split on 01-06 with a split-adjusted adjClose.
    const close = [100, 99, 100, 50];
    const adjClose = [49, 49.5, 50, 50];
    const actions = deriveCorporateActions(dates, close, adjClose);
    expect(actions.dividends).toHaveLength(1);
    expect(actions.dividends[0].date).toBe('2025-01-02');
    expect(actions.dividends[0].amount).toBeCloseTo(2, 9);
    expect(actions.splits).toEqual([{ date: '2025-01-06', ratio: 2 }]);
  });
});
