import type { StrategySizing } from '../../core/index.ts';

const TRADING_DAYS = 252;

/**
 * The fraction of equity an entry at each bar's close commits, from the spec's sizing:
 * all-in 1, percent-equity its percent, volatility-target min(cap, target / realized annual
 * volatility), kelly clamp(fraction × mean / variance, 0, cap); the last two from the daily
 * close-to-close returns of the `lookback` bars up to that close (NaN while warming up: no
 * entry). Fixed-shares gives 1 (the engine uses the share count).
 *
 * @example sizingWeights({ kind: 'volatility-target', target: 0.1, lookback: 20 }, close)[25]
 */
export function sizingWeights(sizing: StrategySizing, close: Float64Array): Float64Array | number {
  if (sizing.kind === 'all-in' || sizing.kind === 'fixed-shares') return 1;
  if (sizing.kind === 'percent-equity') return sizing.percent;
  const { mean, variance } = rollingReturnMoments(close, sizing.lookback);
  const weights = new Float64Array(close.length);
  for (let index = 0; index < close.length; index++) {
    if (sizing.kind === 'volatility-target') {
      const volatility = Math.sqrt(variance[index] * TRADING_DAYS);
      weights[index] = volatility > 0 ? Math.min(sizing.cap ?? 1, sizing.target / volatility) : Number.NaN;
    } else {
      const kelly = variance[index] > 0 ? (sizing.fraction * mean[index]) / variance[index] : Number.NaN;
      weights[index] = Math.min(sizing.cap, Math.max(0, kelly));
    }
  }
  return weights;
}

/** Mean and sample variance of the last `lookback` daily returns at each bar (NaN before there are that many). */
export function rollingReturnMoments(close: Float64Array, lookback: number): { mean: Float64Array; variance: Float64Array } {
  const count = close.length;
  const mean = new Float64Array(count).fill(Number.NaN);
  const variance = new Float64Array(count).fill(Number.NaN);
  const returns = new Float64Array(count);
  for (let index = 1; index < count; index++) returns[index] = close[index] / close[index - 1] - 1;
  for (let index = lookback; index < count; index++) {
    let sum = 0;
    for (let back = index - lookback + 1; back <= index; back++) sum += returns[back];
    const average = sum / lookback;
    let squares = 0;
    for (let back = index - lookback + 1; back <= index; back++) squares += (returns[back] - average) ** 2;
    mean[index] = average;
    variance[index] = squares / (lookback - 1);
  }
  return { mean, variance };
}
