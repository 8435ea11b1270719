import { DeskError } from '../../core/index.ts';
import { createRng } from '../market/index.ts';
import { positiveInteger } from './search.ts';

/** A statistic's value on the actual sequence and its bootstrap distribution. */
export interface Interval {
  estimate: number;
  median: number;
  lower: number;
  upper: number;
}

export interface TradeBootstrap {
  trades: number;
  samples: number;
  confidence: number;
  /** Compounded return of the trade sequence. */
  totalReturn: Interval;
  /** Largest fall of the compounded sequence from its running peak (positive fraction). */
  maxDrawdown: Interval;
  /** Mean / standard deviation of trade returns, × √tradesPerYear when given. */
  sharpe: Interval;
  /** Share of resampled sequences that lose money. */
  probabilityOfLoss: number;
}

export interface BootstrapOptions {
  /** Resampled sequences. Default 2000. */
  samples?: number;
  seed?: number;
  /** Two-sided confidence of the intervals. Default 0.95. */
  confidence?: number;
  /** Annualise the trade Sharpe ratio with √tradesPerYear (otherwise it is per trade). */
  tradesPerYear?: number;
}

/**
 * Monte Carlo of a trade sequence: draw as many trade returns as there are, with replacement
 * (seeded), compound them as a fully reinvested account would, and report percentile intervals of
 * total return, max drawdown and Sharpe ratio.
 *
 * @example bootstrapTrades(result.trades.map((trade) => trade.returnPct), { seed: 1 }).maxDrawdown.upper
 */
export function bootstrapTrades(returns: readonly number[], options: BootstrapOptions = {}): TradeBootstrap {
  if (returns.length < 2) throw new DeskError('insufficient_data', `a trade bootstrap needs at least 2 trades (got ${returns.length})`, { field: 'trades', needed: 2 });
  const samples = positiveInteger(options.samples ?? 2000, 'samples');
  const confidence = checkConfidence(options.confidence ?? 0.95);
  const scale = options.tradesPerYear === undefined ? 1 : Math.sqrt(options.tradesPerYear);
  const random = createRng(options.seed ?? 1);
  const drawn = new Float64Array(returns.length);
  const totals: number[] = [];
  const drawdowns: number[] = [];
  const sharpes: number[] = [];
  for (let sample = 0; sample < samples; sample++) {
    for (let index = 0; index < drawn.length; index++) drawn[index] = returns[Math.floor(random() * returns.length)];
    const path = sequenceStatistics(drawn);
    totals.push(path.totalReturn);
    drawdowns.push(path.maxDrawdown);
    sharpes.push(path.sharpe * scale);
  }
  const actual = sequenceStatistics(returns);
  return {
    trades: returns.length, samples, confidence,
    totalReturn: interval(actual.totalReturn, totals, confidence),
    maxDrawdown: interval(actual.maxDrawdown, drawdowns, confidence),
    sharpe: interval(actual.sharpe * scale, sharpes, confidence),
    probabilityOfLoss: totals.filter((value) => value < 0).length / samples,
  };
}

/** Compounded return, max drawdown and mean/std of one sequence of trade returns. */
export function sequenceStatistics(returns: ArrayLike<number>): { totalReturn: number; maxDrawdown: number; sharpe: number } {
  let wealth = 1;
  let peak = 1;
  let worst = 0;
  let sum = 0;
  for (let index = 0; index < returns.length; index++) {
    wealth *= 1 + returns[index];
    peak = Math.max(peak, wealth);
    worst = Math.max(worst, (peak - wealth) / peak);
    sum += returns[index];
  }
  const mean = sum / returns.length;
  let squares = 0;
  for (let index = 0; index < returns.length; index++) squares += (returns[index] - mean) ** 2;
  const deviation = Math.sqrt(squares / (returns.length - 1));
  return { totalReturn: wealth - 1, maxDrawdown: worst, sharpe: deviation > 1e-15 ? mean / deviation : 0 };
}

/** Linear-interpolation quantile (type 7) of an ascending sample. */
export function quantile(sorted: readonly number[], fraction: number): number {
  const position = (sorted.length - 1) * fraction;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

/** Estimate with the median and the two-sided `confidence` percentile interval of `draws`. */
export function interval(estimate: number, draws: number[], confidence: number): Interval {
  const sorted = [...draws].sort((left, right) => left - right);
  const tail = (1 - confidence) / 2;
  return { estimate, median: quantile(sorted, 0.5), lower: quantile(sorted, tail), upper: quantile(sorted, 1 - tail) };
}

/** `confidence` if it lies in (0, 1), else DeskError('invalid_input'). */
export function checkConfidence(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new DeskError('invalid_input', `confidence must be a fraction in (0, 1), e.g. 0.95 (got ${confidence})`, { field: 'confidence' });
  return confidence;
}
