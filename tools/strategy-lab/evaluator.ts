import { DeskError, type BacktestResult, type BacktestSettings, type BarSeries, type StrategySpec } from '../../core/index.ts';
import { runSpecBacktest } from '../backtest/index.ts';
import type { ExternalSeries, StrategyParams } from '../strategy/index.ts';

/** One backtest of a fixed strategy on fixed data, as a function of its parameters. */
export type Evaluate = (params: StrategyParams) => BacktestResult;

/** Bars [start, end) of a series (end exclusive), as indexes. */
export interface BarRange {
  start: number;
  end: number;
}

/** A backtest of a fixed strategy as a function of its parameters and the bars it runs on (all bars by default). */
export type Backtester = (params: StrategyParams, range?: BarRange) => BacktestResult;

/**
 * The spec backtest (runSpecBacktest) of `spec` on `series`, as a Backtester. A faster evaluator
 * (e.g. a vectorised sweep engine) can stand in for it wherever a Backtester is taken.
 *
 * @example
 * const backtest = specBacktester(series, getStrategy('sma_crossover'), { initialCash: 100_000, commissionRate: 0.001 });
 * backtest({ fast: 5, slow: 20 }, { start: 0, end: 500 }).metrics.sharpe;
 */
export function specBacktester(series: BarSeries, spec: StrategySpec, settings: BacktestSettings, externals?: ExternalSeries): Backtester {
  return (params, range) => runSpecBacktest(range === undefined ? series : sliceSeries(series, range), spec, params, settings, externals);
}

/** The Evaluate of a Backtester restricted to one range of bars. */
export function restrict(backtest: Backtester, range?: BarRange): Evaluate {
  return (params) => backtest(params, range);
}

/**
 * Bars [start, end) of a series; the typed arrays are views, not copies.
 * @example sliceSeries(series, { start: 0, end: 250 }).dates.length // 250
 */
export function sliceSeries(series: BarSeries, range: BarRange): BarSeries {
  const length = series.dates.length;
  if (!(Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start < range.end && range.end <= length)) {
    throw new DeskError('invalid_input', `bar range [${range.start}, ${range.end}) must lie within [0, ${length}) and not be empty`, { field: 'range' });
  }
  return {
    symbol: series.symbol,
    dates: series.dates.slice(range.start, range.end),
    open: series.open.subarray(range.start, range.end),
    high: series.high.subarray(range.start, range.end),
    low: series.low.subarray(range.start, range.end),
    close: series.close.subarray(range.start, range.end),
    volume: series.volume.subarray(range.start, range.end),
  };
}
