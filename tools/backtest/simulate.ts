import type { BacktestSettings, BacktestTrade, BarSeries } from '../../core/index.ts';

/** What a simulation leaves behind for the metrics. */
export interface CrossoverSimulation {
  /** cash + shares × close at every bar. */
  equity: Float64Array;
  trades: BacktestTrade[];
  /** Bars that closed with a position. */
  barsInMarket: number;
}

const NO_ORDER = 0;
const BUY = 1;
const SELL = -1;

/**
 * Long-only crossover simulation: the signal is taken at the close of bar t (fast crossing
 * above slow enters, below exits) and filled at the open of bar t+1, buying as many whole
 * shares as cash covers including commission. A position still open at the end stays open,
 * marked at the last close. No allocation per bar except the trade records.
 *
 * @example const { equity, trades } = simulateCrossover(series, sma(close, 10), sma(close, 30), settings);
 */
export function simulateCrossover(series: BarSeries, fast: Float64Array, slow: Float64Array, settings: BacktestSettings): CrossoverSimulation {
  const count = series.dates.length;
  const rate = settings.commissionRate;
  const equity = new Float64Array(count);
  const trades: BacktestTrade[] = [];
  let cash = settings.initialCash;
  let shares = 0;
  let entryIndex = -1;
  let entryCommission = 0;
  let pending = NO_ORDER;
  let barsInMarket = 0;
  for (let index = 0; index < count; index++) {
    const open = series.open[index];
    if (pending === BUY) {
      const quantity = Math.floor(cash / (open * (1 + rate)));
      if (quantity > 0) {
        entryCommission = quantity * open * rate;
        cash -= quantity * open + entryCommission;
        shares = quantity;
        entryIndex = index;
      }
    } else if (pending === SELL) {
      const exitCommission = shares * open * rate;
      cash += shares * open - exitCommission;
      trades.push(tradeRecord(series, entryIndex, shares, entryCommission, index, open, exitCommission));
      shares = 0;
    }
    equity[index] = cash + shares * series.close[index];
    if (shares > 0) barsInMarket++;
    pending = crossoverSignal(fast, slow, index, shares > 0);
  }
  if (shares > 0) trades.push(tradeRecord(series, entryIndex, shares, entryCommission, -1, series.close[count - 1], 0));
  return { equity, trades, barsInMarket };
}

/** BUY when fast moves from <= slow to > slow while flat, SELL on the reverse while long. */
function crossoverSignal(fast: Float64Array, slow: Float64Array, index: number, holding: boolean): number {
  if (index < 1) return NO_ORDER;
  // Both averages must exist on both bars: the warm-up gives no signal.
  if (Number.isNaN(fast[index - 1]) || Number.isNaN(slow[index - 1]) || Number.isNaN(fast[index]) || Number.isNaN(slow[index])) return NO_ORDER;
  const wasAbove = fast[index - 1] > slow[index - 1];
  const isAbove = fast[index] > slow[index];
  if (!wasAbove && isAbove && !holding) return BUY;
  if (wasAbove && !isAbove && holding) return SELL;
  return NO_ORDER;
}

/**
 * One round trip (exitIndex >= 0) or the open position (exitIndex -1, marked at `exitPrice`,
 * the last close). PnL is net of the commissions paid; returnPct is PnL over the entry cost.
 */
function tradeRecord(series: BarSeries, entryIndex: number, quantity: number, entryCommission: number, exitIndex: number, exitPrice: number, exitCommission: number): BacktestTrade {
  const entryPrice = series.open[entryIndex];
  const pnl = quantity * (exitPrice - entryPrice) - entryCommission - exitCommission;
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
