import { assertNumberAtLeast, nanArray } from './validation.ts';
import { rollingMeanStd } from './rolling.ts';

/** Bollinger settings: `period` of the middle SMA (default 20), `k` standard deviations (default 2). */
export type BollingerOptions = { period?: number; k?: number };

/** Middle band (SMA) and the bands k population standard deviations above and below it. */
export type BollingerResult = { middle: Float64Array; upper: Float64Array; lower: Float64Array };

/**
 * Bollinger Bands like TA-Lib BBANDS with an SMA: middle = SMA(period), upper/lower = middle ±
 * k × population std of the same window. O(n); NaN for the first period−1 values.
 *
 * @example bollinger(Float64Array.of(1, 2, 3), { period: 3, k: 2 }) // middle[2] 2, upper[2] ≈ 3.633, lower[2] ≈ 0.367
 */
export function bollinger(values: Float64Array, options: BollingerOptions = {}): BollingerResult {
  const { period = 20, k = 2 } = options;
  assertNumberAtLeast(k, 0, 'bollinger', 'k');
  const { mean, std } = rollingMeanStd(values, period, {}, 'bollinger');
  const upper = nanArray(values.length);
  const lower = nanArray(values.length);
  for (let index = period - 1; index < values.length; index++) {
    upper[index] = mean[index] + k * std[index];
    lower[index] = mean[index] - k * std[index];
  }
  return { middle: mean, upper, lower };
}
