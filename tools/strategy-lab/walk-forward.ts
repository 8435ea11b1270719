import { DeskError, type BacktestMetrics, type BacktestTrade, type StrategySpec } from '../../core/index.ts';
import { computeBacktestMetrics } from '../backtest/index.ts';
import type { StrategyParams } from '../strategy/index.ts';
import { restrict, type Backtester, type BarRange } from './evaluator.ts';
import { positiveInteger, searchSteps, searchTotal, type SearchOptions } from './search.ts';
import { runSteps, within, type Progress, type Steps } from './steps.ts';

export interface WalkForwardOptions {
  /** Bars each optimisation sees (rolling), or the first window's in-sample bars (anchored). */
  inSample: number;
  /** Bars each chosen parameter set is then traded on, unseen by the optimisation. */
  outOfSample: number;
  /** Bars between window starts. Default: outOfSample (out-of-sample windows tile without overlap). */
  step?: number;
  /** rolling: in-sample has a fixed length; anchored: it always starts at the first bar. */
  mode: 'rolling' | 'anchored';
  /** The optimisation run on each in-sample window. */
  search: SearchOptions;
  /** Starting equity of the stitched out-of-sample curve (use the backtest's initialCash). */
  initialCash: number;
}

/** Bars of one window, with the dates they span. */
export interface WindowSpan extends BarRange {
  from: string;
  to: string;
}

export interface WalkForwardWindow {
  index: number;
  inSample: WindowSpan;
  outOfSample: WindowSpan;
  /** The in-sample winner, or null when no set was feasible (the out-of-sample window then stays in cash). */
  params: StrategyParams | null;
  inSampleMetrics: BacktestMetrics | null;
  outOfSampleMetrics: BacktestMetrics | null;
  /** Parameter sets backtested in-sample. */
  evaluated: number;
  /** Out-of-sample annualized return over in-sample annualized return (null unless in-sample > 0). */
  efficiency: number | null;
}

export interface WalkForwardResult {
  mode: WalkForwardOptions['mode'];
  windows: WalkForwardWindow[];
  /** The out-of-sample windows chained: each starts where the previous one ended. */
  stitched: { dates: string[]; equity: number[]; metrics: BacktestMetrics };
  /** Stitched out-of-sample annualized return over the mean in-sample annualized return (null unless that mean > 0). */
  efficiency: number | null;
  /** Parameter sets backtested in all windows. */
  evaluated: number;
}

/**
 * The windows of a walk-forward over `bars` bars: out-of-sample windows start at inSample,
 * inSample + step, ... while a whole out-of-sample window fits. Rolling in-sample windows are the
 * `inSample` bars just before; anchored ones start at bar 0.
 *
 * @example walkForwardWindows(100, { inSample: 40, outOfSample: 20, mode: 'rolling' }) // OOS at [40, 60) and [60, 80) and [80, 100)
 */
export function walkForwardWindows(bars: number, options: Pick<WalkForwardOptions, 'inSample' | 'outOfSample' | 'step' | 'mode'>): Array<{ inSample: BarRange; outOfSample: BarRange }> {
  const inSample = positiveInteger(options.inSample, 'inSample');
  const outOfSample = positiveInteger(options.outOfSample, 'outOfSample');
  const step = positiveInteger(options.step ?? outOfSample, 'step');
  const windows: Array<{ inSample: BarRange; outOfSample: BarRange }> = [];
  for (let start = inSample; start + outOfSample <= bars; start += step) {
    windows.push({ inSample: { start: options.mode === 'anchored' ? 0 : start - inSample, end: start }, outOfSample: { start, end: start + outOfSample } });
  }
  if (windows.length === 0) {
    throw new DeskError('insufficient_data', `a walk-forward with inSample ${inSample} and outOfSample ${outOfSample} needs at least ${inSample + outOfSample} bars (got ${bars})`, { field: 'inSample', bars, needed: inSample + outOfSample });
  }
  return windows;
}

/**
 * Walk-forward analysis as Steps: for each window, search the in-sample bars (options.search),
 * then backtest the winner on the out-of-sample bars, starting flat (indicators warm up inside
 * the window). Reports each window and the stitched out-of-sample curve with its metrics.
 *
 * @example runSteps(walkForwardSteps(backtest, spec, dates, { inSample: 504, outOfSample: 126, mode: 'rolling', initialCash: 100_000, search }))
 */
export function* walkForwardSteps(backtest: Backtester, spec: StrategySpec, dates: readonly string[], options: WalkForwardOptions): Steps<WalkForwardResult> {
  const ranges = walkForwardWindows(dates.length, options);
  const perWindow = searchTotal(spec, options.search) + 1;
  const total = ranges.length * perWindow;
  const windows: WalkForwardWindow[] = [];
  const stitcher = new Stitcher(options.initialCash);
  for (let index = 0; index < ranges.length; index++) {
    const { inSample, outOfSample } = ranges[index];
    const search = yield* within(searchSteps(restrict(backtest, inSample), spec, options.search), index * perWindow, total);
    const best = search.best;
    const result = best === null ? null : backtest(best.params, outOfSample);
    stitcher.append(dates.slice(outOfSample.start, outOfSample.end), result?.equityCurve.equity ?? null, result?.trades ?? [], result === null ? 0 : Math.round(result.metrics.exposure * result.bars));
    windows.push({
      index, inSample: span(inSample, dates), outOfSample: span(outOfSample, dates), params: best?.params ?? null,
      inSampleMetrics: best?.metrics ?? null, outOfSampleMetrics: result?.metrics ?? null, evaluated: search.evaluated,
      efficiency: ratio(result?.metrics.annualizedReturn, best?.metrics?.annualizedReturn),
    });
    yield { done: (index + 1) * perWindow, total };
  }
  const stitched = stitcher.result();
  const chosen = windows.filter((window) => window.inSampleMetrics !== null);
  const meanInSample = chosen.length === 0 ? undefined : chosen.reduce((sum, window) => sum + (window.inSampleMetrics as BacktestMetrics).annualizedReturn, 0) / chosen.length;
  return {
    mode: options.mode, windows, stitched, efficiency: ratio(stitched.metrics.annualizedReturn, meanInSample),
    evaluated: windows.reduce((sum, window) => sum + window.evaluated, 0),
  };
}

/**
 * walkForwardSteps run to the end.
 * @example walkForward(specBacktester(series, spec, settings), spec, series.dates, options).stitched.metrics.sharpe
 */
export function walkForward(backtest: Backtester, spec: StrategySpec, dates: readonly string[], options: WalkForwardOptions, onProgress?: (progress: Progress) => void): WalkForwardResult {
  return runSteps(walkForwardSteps(backtest, spec, dates, options), onProgress);
}

function span(range: BarRange, dates: readonly string[]): WindowSpan {
  return { ...range, from: dates[range.start], to: dates[range.end - 1] };
}

function ratio(numerator: number | undefined, denominator: number | undefined): number | null {
  return numerator === undefined || denominator === undefined || !(denominator > 0) ? null : numerator / denominator;
}

/** Chains out-of-sample equity curves by their returns, each window starting at the previous end. */
class Stitcher {
  private readonly dates: string[] = [];
  private readonly equity: number[] = [];
  private readonly trades: BacktestTrade[] = [];
  private barsInMarket = 0;

  constructor(private readonly initialCash: number) {}

  append(dates: string[], equity: number[] | null, trades: BacktestTrade[], barsInMarket: number): void {
    const level = this.equity.length === 0 ? this.initialCash : this.equity[this.equity.length - 1];
    for (let index = 0; index < dates.length; index++) {
      this.dates.push(dates[index]);
      this.equity.push(equity === null ? level : (level * equity[index]) / equity[0]);
    }
    this.trades.push(...trades);
    this.barsInMarket += barsInMarket;
  }

  result(): WalkForwardResult['stitched'] {
    const metrics = computeBacktestMetrics({ equity: Float64Array.from(this.equity), trades: this.trades, barsInMarket: this.barsInMarket, initialCash: this.initialCash });
    return { dates: this.dates, equity: this.equity, metrics };
  }
}
