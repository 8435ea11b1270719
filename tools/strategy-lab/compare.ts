import { DeskError, type BacktestMetrics, type BacktestResult } from '../../core/index.ts';
import { createRng } from '../market/index.ts';
import type { StrategyParams } from '../strategy/index.ts';
import { checkConfidence, interval, type Interval } from './bootstrap.ts';
import type { Backtester, BarRange } from './evaluator.ts';
import { positiveInteger } from './search.ts';

const TRADING_DAYS = 252;

export interface ComparisonOptions {
  /** Paired bootstrap resamples. Default 2000. */
  samples?: number;
  seed?: number;
  /** Two-sided confidence of the intervals and of the verdict. Default 0.95. */
  confidence?: number;
  /** Days per resampled block (keeps autocorrelation). Default round(n^(1/3)). */
  blockLength?: number;
}

/** A and B's values of one statistic and the bootstrap interval of B − A. */
export interface PairedStatistic {
  a: number;
  b: number;
  difference: Interval;
  /** Which is better at the confidence level (the interval of B − A excludes 0), or null. */
  better: 'a' | 'b' | null;
}

export interface StrategyComparison {
  a: { strategy: string; params: BacktestResult['params']; metrics: BacktestMetrics };
  b: { strategy: string; params: BacktestResult['params']; metrics: BacktestMetrics };
  from: string;
  to: string;
  /** Daily returns compared (bars − 1). */
  observations: number;
  samples: number;
  blockLength: number;
  confidence: number;
  /** Annualized Sharpe ratio (√252, risk-free 0). */
  sharpe: PairedStatistic;
  annualizedReturn: PairedStatistic;
  totalReturn: PairedStatistic;
  /** One plain sentence, e.g. "B is better than A in Sharpe ratio at 95% (B − A = 0.41, interval 0.12 to 0.70)". */
  verdict: string;
}

/**
 * A/B test of two backtests over the same dates: their daily returns are resampled together by a
 * seeded circular block bootstrap (the same days for both), and the intervals of the differences
 * B − A in Sharpe ratio, annualized and total return decide. "B is better" is said only when the
 * Sharpe interval excludes 0.
 *
 * @example compareResults(backtest(paramsA), backtest(paramsB), { seed: 1 }).verdict
 */
export function compareResults(a: BacktestResult, b: BacktestResult, options: ComparisonOptions = {}): StrategyComparison {
  const dates = a.equityCurve.dates;
  if (dates.length !== b.equityCurve.dates.length || dates.some((date, index) => date !== b.equityCurve.dates[index])) {
    throw new DeskError('invalid_input', `strategies must be compared on the same dates (A: ${a.from}..${a.to}, ${a.bars} bars; B: ${b.from}..${b.to}, ${b.bars} bars)`, { field: 'range' });
  }
  const returnsA = dailyReturns(a.equityCurve.equity);
  const returnsB = dailyReturns(b.equityCurve.equity);
  const count = returnsA.length;
  if (count < 3) throw new DeskError('insufficient_data', `a comparison needs at least 4 bars (got ${dates.length})`, { field: 'range', needed: 4 });
  const samples = positiveInteger(options.samples ?? 2000, 'samples');
  const confidence = checkConfidence(options.confidence ?? 0.95);
  const blockLength = positiveInteger(options.blockLength ?? Math.max(1, Math.round(Math.cbrt(count))), 'blockLength');
  const random = createRng(options.seed ?? 1);
  const draws = { sharpe: [] as number[], annualizedReturn: [] as number[], totalReturn: [] as number[] };
  const indexes = new Int32Array(count);
  for (let sample = 0; sample < samples; sample++) {
    blockIndexes(count, blockLength, random, indexes);
    const left = statistics(returnsA, indexes);
    const right = statistics(returnsB, indexes);
    for (const key of ['sharpe', 'annualizedReturn', 'totalReturn'] as const) draws[key].push(right[key] - left[key]);
  }
  const actualA = statistics(returnsA, null);
  const actualB = statistics(returnsB, null);
  const paired = (key: keyof typeof draws): PairedStatistic => {
    const difference = interval(actualB[key] - actualA[key], draws[key], confidence);
    return { a: actualA[key], b: actualB[key], difference, better: difference.lower > 0 ? 'b' : difference.upper < 0 ? 'a' : null };
  };
  const sharpe = paired('sharpe');
  const annualizedReturn = paired('annualizedReturn');
  return {
    a: { strategy: a.strategy, params: a.params, metrics: a.metrics }, b: { strategy: b.strategy, params: b.params, metrics: b.metrics },
    from: a.from, to: a.to, observations: count, samples, blockLength, confidence,
    sharpe, annualizedReturn, totalReturn: paired('totalReturn'),
    verdict: verdict(sharpe, annualizedReturn, confidence),
  };
}

/** One strategy of a comparison: its backtester and parameters. */
export interface Contender {
  backtest: Backtester;
  params: StrategyParams;
}

/**
 * Backtest two strategies on the same bars and compare them (compareResults); with `windows`, also
 * the metrics of both on each window (the same windows for both), to see whether one wins throughout.
 *
 * @example compareStrategies({ backtest: backtestA, params: {} }, { backtest: backtestB, params: {} }, { windows: [{ start: 0, end: 252 }] })
 */
export function compareStrategies(a: Contender, b: Contender, options: ComparisonOptions & { range?: BarRange; windows?: BarRange[] } = {}): StrategyComparison & { windows: Array<{ from: string; to: string; a: BacktestMetrics; b: BacktestMetrics }> } {
  const comparison = compareResults(a.backtest(a.params, options.range), b.backtest(b.params, options.range), options);
  const windows = (options.windows ?? []).map((window) => {
    const left = a.backtest(a.params, window);
    const right = b.backtest(b.params, window);
    return { from: left.from, to: left.to, a: left.metrics, b: right.metrics };
  });
  return { ...comparison, windows };
}

function dailyReturns(equity: readonly number[]): Float64Array {
  return Float64Array.from({ length: equity.length - 1 }, (_, index) => equity[index + 1] / equity[index] - 1);
}

/**
 * Fill `into` with the day indexes of one circular block bootstrap sample: blocks of `length`
 * consecutive days (wrapping at the end) starting at uniformly drawn days.
 */
export function blockIndexes(count: number, length: number, random: () => number, into: Int32Array): void {
  for (let filled = 0; filled < count;) {
    const start = Math.floor(random() * count);
    for (let offset = 0; offset < length && filled < count; offset++) into[filled++] = (start + offset) % count;
  }
}

/** Annualized Sharpe, annualized and total return of the returns at `indexes` (all of them when null). */
function statistics(returns: Float64Array, indexes: Int32Array | null): { sharpe: number; annualizedReturn: number; totalReturn: number } {
  const count = indexes === null ? returns.length : indexes.length;
  let sum = 0;
  let growth = 1;
  for (let index = 0; index < count; index++) {
    const value = returns[indexes === null ? index : indexes[index]];
    sum += value;
    growth *= 1 + value;
  }
  const mean = sum / count;
  let squares = 0;
  for (let index = 0; index < count; index++) squares += (returns[indexes === null ? index : indexes[index]] - mean) ** 2;
  const deviation = Math.sqrt(squares / (count - 1));
  return { sharpe: deviation > 0 ? (mean / deviation) * Math.sqrt(TRADING_DAYS) : 0, annualizedReturn: growth ** (TRADING_DAYS / count) - 1, totalReturn: growth - 1 };
}

function verdict(sharpe: PairedStatistic, annualizedReturn: PairedStatistic, confidence: number): string {
  const level = `${Number.parseFloat((confidence * 100).toPrecision(4))}%`;
  const format = (value: number) => Number.parseFloat(value.toPrecision(3)).toString();
  const span = (statistic: PairedStatistic) => `B − A = ${format(statistic.difference.estimate)}, interval ${format(statistic.difference.lower)} to ${format(statistic.difference.upper)}`;
  const sharpeLine = sharpe.better === null
    ? `No difference in Sharpe ratio at ${level} (${span(sharpe)}: the interval includes 0)`
    : `${sharpe.better === 'b' ? 'B is better than A' : 'A is better than B'} in Sharpe ratio at ${level} (${span(sharpe)})`;
  const returnLine = annualizedReturn.better === null
    ? `no difference in annualized return at ${level} (${span(annualizedReturn)})`
    : `${annualizedReturn.better === 'b' ? 'B' : 'A'} has the higher annualized return at ${level} (${span(annualizedReturn)})`;
  return `${sharpeLine}; ${returnLine}.`;
}
