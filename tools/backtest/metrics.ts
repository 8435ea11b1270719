import type { BacktestMetrics, BacktestTrade } from '../../core/index.ts';

const TRADING_DAYS = 252;

/**
 * Performance figures of an equity curve, as fractions: total and annualized return
 * ((1 + total)^(252 / (bars - 1)) - 1), volatility (sample std of daily returns × √252),
 * Sharpe (mean / std × √252, risk-free 0; 0 when std is 0), max drawdown (positive), win rate
 * over closed trades, exposure (share of bars holding a position). `trades` counts every entry.
 *
 * @example computeBacktestMetrics({ equity, trades, barsInMarket: 120, initialCash: 100_000 }).sharpe
 */
export function computeBacktestMetrics(input: { equity: Float64Array; trades: readonly BacktestTrade[]; barsInMarket: number; initialCash: number }): BacktestMetrics {
  const { equity, trades, initialCash } = input;
  const bars = equity.length;
  const finalEquity = equity[bars - 1];
  const totalReturn = finalEquity / initialCash - 1;
  const { mean, deviation } = dailyReturnStatistics(equity);
  const closed = trades.filter((trade) => trade.exitDate !== null);
  return {
    totalReturn,
    annualizedReturn: bars > 1 ? Math.pow(1 + totalReturn, TRADING_DAYS / (bars - 1)) - 1 : 0,
    annualizedVolatility: deviation * Math.sqrt(TRADING_DAYS),
    sharpe: deviation > 0 ? (mean / deviation) * Math.sqrt(TRADING_DAYS) : 0,
    maxDrawdown: maxDrawdown(equity),
    trades: trades.length,
    winRate: closed.length > 0 ? closed.filter((trade) => trade.pnl > 0).length / closed.length : 0,
    exposure: bars > 0 ? input.barsInMarket / bars : 0,
    finalEquity,
  };
}

/** Mean and sample standard deviation (n - 1) of bar-to-bar returns, by Welford's method. */
function dailyReturnStatistics(equity: Float64Array): { mean: number; deviation: number } {
  let count = 0;
  let mean = 0;
  let squares = 0;
  for (let index = 1; index < equity.length; index++) {
    const value = equity[index] / equity[index - 1] - 1;
    count++;
    const delta = value - mean;
    mean += delta / count;
    squares += delta * (value - mean);
  }
  return { mean, deviation: count > 1 ? Math.sqrt(squares / (count - 1)) : 0 };
}

/** Largest fall from a running peak, as a positive fraction of that peak. */
function maxDrawdown(equity: Float64Array): number {
  let peak = Number.NEGATIVE_INFINITY;
  let worst = 0;
  for (let index = 0; index < equity.length; index++) {
    if (equity[index] > peak) peak = equity[index];
    else if (peak > 0) worst = Math.max(worst, (peak - equity[index]) / peak);
  }
  return worst;
}
