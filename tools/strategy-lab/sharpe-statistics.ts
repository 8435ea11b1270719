import { DeskError, type BacktestResult } from '../../core/index.ts';
import { inverseNormalCdf, normalCdf } from './normal.ts';
import type { SearchResult } from './search.ts';

const EULER_MASCHERONI = 0.5772156649015329;
const TRADING_DAYS = 252;

/** Mean, sample standard deviation, skewness and (non-excess, normal = 3) kurtosis of a sample. */
export interface Moments {
  count: number;
  mean: number;
  deviation: number;
  skewness: number;
  kurtosis: number;
}

/**
 * Moments of a sample: skewness m3 / m2^1.5 and kurtosis m4 / m2² from central moments (as Bailey
 * and López de Prado use them); a constant sample has skewness 0 and kurtosis 3.
 *
 * @example returnMoments([0.01, -0.02, 0.03, 0]).mean // 0.005
 */
export function returnMoments(values: ArrayLike<number>): Moments {
  const count = values.length;
  let mean = 0;
  for (let index = 0; index < count; index++) mean += values[index] / count;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let index = 0; index < count; index++) {
    const deviation = values[index] - mean;
    m2 += deviation ** 2 / count;
    m3 += deviation ** 3 / count;
    m4 += deviation ** 4 / count;
  }
  const constant = m2 <= 1e-30;
  return {
    count, mean, deviation: count > 1 ? Math.sqrt((m2 * count) / (count - 1)) : 0,
    skewness: constant ? 0 : m3 / m2 ** 1.5, kurtosis: constant ? 3 : m4 / m2 ** 2,
  };
}

export interface SharpeSample {
  /** Sharpe ratio per period (not annualized): mean / standard deviation of the period returns. */
  sharpe: number;
  /** Number of return observations. */
  observations: number;
  skewness: number;
  /** Non-excess kurtosis (3 for normal returns). */
  kurtosis: number;
}

/**
 * Probabilistic Sharpe ratio (Bailey & López de Prado, 2012): the probability that the true Sharpe
 * ratio exceeds `benchmark` (per period) given an estimate from `observations` returns with that
 * skewness and kurtosis: Φ((SR − SR*) √(n − 1) / √(1 − γ3·SR + (γ4 − 1)/4·SR²)).
 *
 * @example probabilisticSharpeRatio({ sharpe: 0.1, observations: 500, skewness: 0, kurtosis: 3 }) // ≈ 0.987
 */
export function probabilisticSharpeRatio(sample: SharpeSample, benchmark = 0): number {
  if (!(sample.observations >= 2)) throw new DeskError('insufficient_data', `a probabilistic Sharpe ratio needs at least 2 observations (got ${sample.observations})`, { field: 'observations' });
  const variance = 1 - sample.skewness * sample.sharpe + ((sample.kurtosis - 1) / 4) * sample.sharpe ** 2;
  return normalCdf(((sample.sharpe - benchmark) * Math.sqrt(sample.observations - 1)) / Math.sqrt(Math.max(variance, 1e-12)));
}

/**
 * The Sharpe ratio the best of `trials` independent tries would reach by luck alone, when the
 * tried Sharpe ratios (per period) have variance `variance`:
 * √V · ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e))), γ the Euler–Mascheroni constant. 0 for one trial.
 *
 * @example expectedMaxSharpe(100, 0.5 / 250) // ≈ 0.1132
 */
export function expectedMaxSharpe(trials: number, variance: number): number {
  if (trials <= 1 || !(variance > 0)) return 0;
  const z = (1 - EULER_MASCHERONI) * inverseNormalCdf(1 - 1 / trials) + EULER_MASCHERONI * inverseNormalCdf(1 - 1 / (trials * Math.E));
  return Math.sqrt(variance) * z;
}

/**
 * Deflated Sharpe ratio (Bailey & López de Prado, 2014): the probabilistic Sharpe ratio against the
 * Sharpe ratio expected from the best of `trials` tries rather than against 0. Below 0.95 the
 * winner of a sweep is not distinguishable from luck at 95%.
 *
 * @example deflatedSharpeRatio({ sharpe: 0.158, observations: 1250, skewness: -3, kurtosis: 10 }, { trials: 100, variance: 0.002 }).value // ≈ 0.90
 */
export function deflatedSharpeRatio(sample: SharpeSample, trials: { trials: number; variance: number }): { value: number; benchmark: number } {
  const benchmark = expectedMaxSharpe(trials.trials, trials.variance);
  return { value: probabilisticSharpeRatio(sample, benchmark), benchmark };
}

/** How much a sweep's winner can be trusted. Sharpe ratios here are per day (annualized / √252). */
export interface OverfitReport {
  trials: number;
  /** Variance of the tried sets' daily Sharpe ratios. */
  trialSharpeVariance: number;
  sharpe: number;
  observations: number;
  skewness: number;
  kurtosis: number;
  /** Probability that the winner's true Sharpe ratio is above 0. */
  probabilisticSharpe: number;
  /** The daily Sharpe ratio the best of this many trials would reach by luck. */
  expectedMaxSharpe: number;
  /** Probability that the winner's true Sharpe ratio beats that luck. */
  deflatedSharpe: number;
  /** deflatedSharpe < 0.95: the sweep's winner may well be luck. */
  likelyOverfit: boolean;
}

/**
 * Probabilistic and deflated Sharpe ratio of a search's winner: the winner's daily returns (from
 * its equity curve) and every backtested set's Sharpe ratio as the trials.
 *
 * @example overfitReport(result, evaluate(result.best!.params)).likelyOverfit
 */
export function overfitReport(search: SearchResult, winner: BacktestResult): OverfitReport {
  const equity = winner.equityCurve.equity;
  const returns = equity.slice(1).map((value, index) => value / equity[index] - 1);
  const moments = returnMoments(returns);
  const sample = { sharpe: moments.deviation > 0 ? moments.mean / moments.deviation : 0, observations: returns.length, skewness: moments.skewness, kurtosis: moments.kurtosis };
  const trialSharpes = search.evaluations.filter((evaluation) => evaluation.metrics !== null).map((evaluation) => (evaluation.metrics?.sharpe ?? 0) / Math.sqrt(TRADING_DAYS));
  const trialSharpeVariance = returnMoments(trialSharpes).deviation ** 2;
  const deflated = deflatedSharpeRatio(sample, { trials: trialSharpes.length, variance: trialSharpeVariance });
  return {
    trials: trialSharpes.length, trialSharpeVariance, ...sample,
    probabilisticSharpe: probabilisticSharpeRatio(sample), expectedMaxSharpe: deflated.benchmark, deflatedSharpe: deflated.value, likelyOverfit: deflated.value < 0.95,
  };
}
