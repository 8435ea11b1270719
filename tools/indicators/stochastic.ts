import { sma } from './moving-averages.ts';
import { assertPeriod } from './period.ts';
import { rollingMax, rollingMin } from './rolling-extremes.ts';
import { assertSameLength, nanArray, type HighLowClose } from './validation.ts';

/** Stochastic periods: %K lookback (default 14), %K slowing (default 3), %D (default 3). */
export type StochasticOptions = { kPeriod?: number; slowKPeriod?: number; dPeriod?: number };

/** Fast %K, slowed %K (SMA of fast %K) and %D (SMA of slowed %K), each 0..100. */
export type StochasticResult = { fastK: Float64Array; slowK: Float64Array; d: Float64Array };

/**
 * Stochastic oscillator with SMA smoothing. fastK = 100 × (close − lowest low) / (highest high −
 * lowest low) over `kPeriod` bars, 0 when the range is flat (as TA-Lib). Each series starts as
 * soon as it is defined: fastK at kPeriod−1, slowK at kPeriod+slowKPeriod−2, d at
 * kPeriod+slowKPeriod+dPeriod−3; TA-Lib STOCH reports slowK and d from that last index only.
 *
 * @example stochastic(bars, { kPeriod: 5, slowKPeriod: 3, dPeriod: 3 }).d // first value at index 8
 */
export function stochastic(bars: HighLowClose, options: StochasticOptions = {}): StochasticResult {
  const { kPeriod = 14, slowKPeriod = 3, dPeriod = 3 } = options;
  assertPeriod(kPeriod, 'stochastic', 'kPeriod');
  assertPeriod(slowKPeriod, 'stochastic', 'slowKPeriod');
  assertPeriod(dPeriod, 'stochastic', 'dPeriod');
  const length = assertSameLength('stochastic', bars);
  const highest = rollingMax(bars.high, kPeriod);
  const lowest = rollingMin(bars.low, kPeriod);
  const fastK = nanArray(length);
  for (let index = kPeriod - 1; index < length; index++) {
    const range = highest[index] - lowest[index];
    fastK[index] = range === 0 ? 0 : (100 * (bars.close[index] - lowest[index])) / range;
  }
  const slowK = smaAfterWarmUp(fastK, slowKPeriod, kPeriod - 1);
  const d = smaAfterWarmUp(slowK, dPeriod, kPeriod + slowKPeriod - 2);
  return { fastK, slowK, d };
}

/** SMA of the values from `start` on (the NaN warm-up before it would poison a running sum). */
function smaAfterWarmUp(values: Float64Array, period: number, start: number): Float64Array {
  const result = nanArray(values.length);
  if (start < values.length) result.set(sma(values.subarray(start), period), start);
  return result;
}
