import type { BacktestSettings, BacktestTrade, BarSeries, StrategySizing, StrategyStops } from '../../core/index.ts';

/** What a simulation leaves behind for the metrics. */
export interface CrossoverSimulation {
  /** cash + shares × close at every bar (shares negative while short). */
  equity: Float64Array;
  trades: BacktestTrade[];
  /** Bars that closed with a position. */
  barsInMarket: number;
}

/** Per bar, 1 where the condition holds at that bar's close. */
export interface EntryExitSignals {
  entry: ArrayLike<number>;
  exit: ArrayLike<number>;
}

/** How signals become positions: direction, size, and optional protective exits (fractions of the entry price). */
export interface ExecutionRules {
  side: 'long' | 'short';
  sizing: StrategySizing;
  stops?: StrategyStops;
}

const ALL_IN_LONG: ExecutionRules = { side: 'long', sizing: { kind: 'all-in' } };

/**
 * Long-only crossover simulation: the signal is taken at the close of bar t (fast crossing
 * above slow enters, below exits) and filled at the open of bar t+1, buying as many whole
 * shares as cash covers including commission. A position still open at the end stays open,
 * marked at the last close. Runs on simulateSignals, the loop spec backtests share.
 *
 * @example const { equity, trades } = simulateCrossover(series, sma(close, 10), sma(close, 30), settings);
 */
export function simulateCrossover(series: BarSeries, fast: Float64Array, slow: Float64Array, settings: BacktestSettings): CrossoverSimulation {
  const count = series.dates.length;
  const entry = new Uint8Array(count);
  const exit = new Uint8Array(count);
  for (let index = 1; index < count; index++) {
    // Both averages must exist on both bars: the warm-up gives no signal.
    if (Number.isNaN(fast[index - 1]) || Number.isNaN(slow[index - 1]) || Number.isNaN(fast[index]) || Number.isNaN(slow[index])) continue;
    const wasAbove = fast[index - 1] > slow[index - 1];
    const isAbove = fast[index] > slow[index];
    entry[index] = !wasAbove && isAbove ? 1 : 0;
    exit[index] = wasAbove && !isAbove ? 1 : 0;
  }
  return simulateSignals(series, { entry, exit }, settings);
}

interface Book {
  cash: number;
  /** Shares held (always >= 0; `direction` says long or short). */
  shares: number;
  entryIndex: number;
  entryCommission: number;
  /** Best close since entry (highest long, lowest short), for the trailing stop. */
  bestClose: number;
}

/**
 * The execution loop behind every backtest. At the close of bar t a flat book with entry[t] = 1
 * orders an entry and a book in a position with exit[t] = 1 (or a stop hit at that close) orders
 * an exit; orders fill at the open of bar t+1. Whole shares: all-in buys as many as cash covers
 * including commission, fixed-shares at most that many, percent-equity that share of cash.
 * Shorts receive the sale proceeds and pay to cover. An open position at the end is marked at
 * the last close. Default rules: long, all-in, no stops.
 *
 * @example simulateSignals(series, { entry, exit }, { initialCash: 100_000, commissionRate: 0.001 })
 */
export function simulateSignals(series: BarSeries, signals: EntryExitSignals, settings: BacktestSettings, rules: ExecutionRules = ALL_IN_LONG): CrossoverSimulation {
  const count = series.dates.length;
  const direction = rules.side === 'short' ? -1 : 1;
  const equity = new Float64Array(count);
  const trades: BacktestTrade[] = [];
  const book: Book = { cash: settings.initialCash, shares: 0, entryIndex: -1, entryCommission: 0, bestClose: 0 };
  let pendingEntry = false;
  let pendingExit = false;
  let barsInMarket = 0;
  for (let index = 0; index < count; index++) {
    if (pendingEntry) enter(book, series, index, direction, settings.commissionRate, rules.sizing);
    else if (pendingExit) trades.push(leave(book, series, index, direction, settings.commissionRate));
    const close = series.close[index];
    equity[index] = book.cash + direction * book.shares * close;
    if (book.shares > 0) barsInMarket++;
    pendingEntry = book.shares === 0 && signals.entry[index] === 1;
    pendingExit = book.shares > 0 && (signals.exit[index] === 1 || (rules.stops !== undefined && stopHit(book, series, index, direction, rules.stops)));
  }
  if (book.shares > 0) trades.push(tradeRecord(series, book, direction, -1, series.close[count - 1], 0));
  return { equity, trades, barsInMarket };
}

function enter(book: Book, series: BarSeries, index: number, direction: number, rate: number, sizing: StrategySizing): void {
  const open = series.open[index];
  const affordable = Math.floor(book.cash / (open * (1 + rate)));
  const quantity = sizing.kind === 'all-in' ? affordable
    : sizing.kind === 'fixed-shares' ? Math.min(sizing.shares, affordable)
    : Math.floor((book.cash * sizing.percent) / (open * (1 + rate)));
  if (quantity <= 0) return;
  book.entryCommission = quantity * open * rate;
  book.cash -= direction * quantity * open + book.entryCommission;
  book.shares = quantity;
  book.entryIndex = index;
  book.bestClose = open;
}

function leave(book: Book, series: BarSeries, index: number, direction: number, rate: number): BacktestTrade {
  const open = series.open[index];
  const exitCommission = book.shares * open * rate;
  book.cash += direction * book.shares * open - exitCommission;
  const trade = tradeRecord(series, book, direction, index, open, exitCommission);
  book.shares = 0;
  return trade;
}

/** Stop-loss, take-profit and trailing stop, judged at the close against the entry fill. */
function stopHit(book: Book, series: BarSeries, index: number, direction: number, stops: StrategyStops): boolean {
  const close = series.close[index];
  if (direction * (close - book.bestClose) > 0) book.bestClose = close;
  const move = direction * (close / series.open[book.entryIndex] - 1);
  if (stops.stopLoss !== undefined && move <= -stops.stopLoss) return true;
  if (stops.takeProfit !== undefined && move >= stops.takeProfit) return true;
  return stops.trailing !== undefined && direction * (close / book.bestClose - 1) <= -stops.trailing;
}

/**
 * One round trip (exitIndex >= 0) or the open position (exitIndex -1, marked at `exitPrice`,
 * the last close). PnL is net of the commissions paid; returnPct is PnL over the entry cost.
 */
function tradeRecord(series: BarSeries, book: Book, direction: number, exitIndex: number, exitPrice: number, exitCommission: number): BacktestTrade {
  const { entryIndex, shares: quantity, entryCommission } = book;
  const entryPrice = series.open[entryIndex];
  const pnl = direction * quantity * (exitPrice - entryPrice) - entryCommission - exitCommission;
  return {
    entryDate: series.dates[entryIndex],
    entryPrice,
    exitDate: exitIndex >= 0 ? series.dates[exitIndex] : null,
    exitPrice: exitIndex >= 0 ? exitPrice : null,
    quantity,
    pnl,
    returnPct: pnl / (quantity * entryPrice + entryCommission),
  };
}
