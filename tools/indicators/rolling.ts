import { assertPeriod } from './period.ts';
import { nanArray } from './validation.ts';

/** `sample: true` divides by n−1 (needs period >= 2); the default divides by n, like TA-Lib STDDEV. */
export type RollingStdOptions = { sample?: boolean };

/**
 * Rolling mean and standard deviation in one O(n) pass. Uses a sliding Welford update (mean and
 * sum of squared deviations) rather than Σx and Σx², which cancel badly when prices sit far from
 * zero. NaN for the first period−1 values.
 *
 * @example rollingMeanStd(Float64Array.of(1, 2, 3), 2).std // [NaN, 0.5, 0.5]
 */
export function rollingMeanStd(values: Float64Array, period: number, options: RollingStdOptions = {}, indicator = 'rollingStd'): { mean: Float64Array; std: Float64Array } {
  const sample = options.sample === true;
  assertPeriod(period, indicator, 'period', sample ? 2 : 1);
  const mean = nanArray(values.length);
  const std = nanArray(values.length);
  const divisor = sample ? period - 1 : period;
  let average = 0;
  let squares = 0;
  for (let index = 0; index < values.length; index++) {
    const entering = values[index];
    if (index < period) {
      const delta = entering - average;
      average += delta / (index + 1);
      squares += delta * (entering - average);
    } else {
      const leaving = values[index - period];
      const previous = average;
      average += (entering - leaving) / period;
      squares += (entering - leaving) * (entering - average + leaving - previous);
    }
    if (index >= period - 1) {
      mean[index] = average;
      std[index] = Math.sqrt(Math.max(0, squares) / divisor);
    }
  }
  return { mean, std };
}

/**
 * Rolling standard deviation over `period` values: population by default (TA-Lib STDDEV with
 * nbDev 1), sample with `{ sample: true }`. NaN for the first period−1 values.
 *
 * @example rollingStd(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9), 8)[7] // 2
 */
export function rollingStd(values: Float64Array, period: number, options: RollingStdOptions = {}): Float64Array {
  return rollingMeanStd(values, period, options, 'rollingStd').std;
}

/**
 * Rolling z-score: (value − rolling mean) / rolling std over the last `period` values, the
 * current one included. 0 where the window is flat (the value equals its mean). NaN warm-up.
 *
 * @example rollingZScore(Float64Array.of(1, 2, 3), 3)[2] // (3 − 2) / 0.8165 ≈ 1.2247
 */
export function rollingZScore(values: Float64Array, period: number, options: RollingStdOptions = {}): Float64Array {
  const { mean, std } = rollingMeanStd(values, period, options, 'rollingZScore');
  const result = nanArray(values.length);
  for (let index = period - 1; index < values.length; index++) {
    result[index] = std[index] === 0 ? 0 : (values[index] - mean[index]) / std[index];
  }
  return result;
}
