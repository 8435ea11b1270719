import type { BacktestMetrics, BacktestTrade } from '../../core/index.ts';

const TRADING_DAYS = 252;

/** What the metrics are computed from; the optional parts add turnover and the benchmark comparison. */
export interface MetricsInput {
  equity: Float64Array;
  trades: readonly BacktestTrade[];
  barsInMarket: number;
  initialCash: number;
  /** Value of all fills (buys + sells), for turnover. */
  tradedValue?: number;
  /** Buy-and-hold value on the same bars, for alpha and beta. */
  benchmark?: Float64Array;
}

/**
 * Performance figures of an equity curve, as fractions: total and annualized return
 * ((1 + total)^(252 / (bars - 1)) - 1), volatility (sample std of daily returns × √252),
 * Sharpe (mean / std × √252, risk-free 0; 0 when std is 0), Sortino (mean / downside deviation
 * × √252, the downside deviation being √(Σ min(r, 0)² / n)), max drawdown (positive) and the
 * longest stretch under water in bars, Calmar (annualized return / max drawdown), win rate,
 * profit factor and average PnL over closed trades, exposure (share of bars holding a position),
 * turnover (traded value / mean equity × 252 / bars) and, with a benchmark, its total return,
 * beta (cov / var of daily returns) and annualized alpha ((mean − beta × benchmark mean) × 252).
 * `trades` counts every entry.
 *
 * @example computeBacktestMetrics({ equity, trades, barsInMarket: 120, initialCash: 100_000 }).sharpe
 */
export function computeBacktestMetrics(input: MetricsInput): BacktestMetrics {
  const { equity, trades, initialCash } = input;
  const bars = equity.length;
  const finalEquity = equity[bars - 1];
  const totalReturn = finalEquity / initialCash - 1;
  const { mean, deviation, downside } = dailyReturnStatistics(equity);
  const closed = trades.filter((trade) => trade.exitDate !== null);
  const annualizedReturn = bars > 1 ? Math.pow(1 + totalReturn, TRADING_DAYS / (bars - 1)) - 1 : 0;
  const drawdown = drawdowns(equity);
  let grossProfit = 0;
  let grossLoss = 0;
  for (const trade of closed) {
    if (trade.pnl > 0) grossProfit += trade.pnl;
    else grossLoss -= trade.pnl;
  }
  const metrics: BacktestMetrics = {
    totalReturn,
    annualizedReturn,
    annualizedVolatility: deviation * Math.sqrt(TRADING_DAYS),
    sharpe: deviation > 0 ? (mean / deviation) * Math.sqrt(TRADING_DAYS) : 0,
    maxDrawdown: drawdown.max,
    trades: trades.length,
    winRate: closed.length > 0 ? closed.filter((trade) => trade.pnl > 0).length / closed.length : 0,
    exposure: bars > 0 ? input.barsInMarket / bars : 0,
    finalEquity,
    sortino: downside > 0 ? (mean / downside) * Math.sqrt(TRADING_DAYS) : 0,
    calmar: drawdown.max > 0 ? annualizedReturn / drawdown.max : 0,
    maxDrawdownBars: drawdown.longest,
    profitFactor: grossLoss > 0 ? grossProfit / grossLoss : null,
    averageTrade: closed.length > 0 ? (grossProfit - grossLoss) / closed.length : 0,
    turnover: bars > 0 ? ((input.tradedValue ?? 0) / meanOf(equity)) * (TRADING_DAYS / bars) : 0,
  };
  if (input.benchmark !== undefined) metrics.benchmark = benchmarkComparison(equity, input.benchmark);
  return metrics;
}

/** Mean, sample standard deviation (n - 1, Welford) and downside deviation (n) of bar-to-bar returns. */
function dailyReturnStatistics(equity: Float64Array): { mean: number; deviation: number; downside: number } {
  let count = 0;
  let mean = 0;
  let squares = 0;
  let downSquares = 0;
  for (let index = 1; index < equity.length; index++) {
    const value = equity[index] / equity[index - 1] - 1;
    count++;
    const delta = value - mean;
    mean += delta / count;
    squares += delta * (value - mean);
    if (value < 0) downSquares += value * value;
  }
  return { mean, deviation: count > 1 ? Math.sqrt(squares / (count - 1)) : 0, downside: count > 0 ? Math.sqrt(downSquares / count) : 0 };
}

/** Largest fall from a running peak (positive fraction of it) and the longest run of bars below a peak. */
function drawdowns(equity: Float64Array): { max: number; longest: number } {
  let peak = Number.NEGATIVE_INFINITY;
  let peakIndex = 0;
  let max = 0;
  let longest = 0;
  for (let index = 0; index < equity.length; index++) {
    if (equity[index] >= peak) {
      peak = equity[index];
      peakIndex = index;
    } else {
      if (peak > 0) max = Math.max(max, (peak - equity[index]) / peak);
      longest = Math.max(longest, index - peakIndex);
    }
  }
  return { max, longest };
}

function meanOf(values: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index];
  return sum / values.length;
}

/** Benchmark total return, and beta and annualized alpha of the strategy's daily returns against it (one pass, running co-moments). */
function benchmarkComparison(equity: Float64Array, benchmark: Float64Array): { totalReturn: number; alpha: number; beta: number } {
  let count = 0;
  let meanStrategy = 0;
  let meanBenchmark = 0;
  let comoment = 0;
  let moment = 0;
  for (let index = 1; index < equity.length; index++) {
    const strategy = equity[index] / equity[index - 1] - 1;
    const market = benchmark[index] / benchmark[index - 1] - 1;
    count++;
    const deltaMarket = market - meanBenchmark;
    meanBenchmark += deltaMarket / count;
    meanStrategy += (strategy - meanStrategy) / count;
    comoment += deltaMarket * (strategy - meanStrategy);
    moment += deltaMarket * (market - meanBenchmark);
  }
  const beta = moment > 0 ? comoment / moment : 0;
  return { totalReturn: benchmark[benchmark.length - 1] / benchmark[0] - 1, alpha: (meanStrategy - beta * meanBenchmark) * TRADING_DAYS, beta };
}
