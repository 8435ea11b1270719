import { assertPeriod } from './period.ts';
import { nanArray } from './validation.ts';
import { DeskError } from '../../core/index.ts';

/** Periods of a MACD; the defaults are the classic 12/26/9. */
export type MacdOptions = { fast?: number; slow?: number; signal?: number };

/** MACD line (fast EMA − slow EMA), its signal EMA, and the histogram (line − signal). */
export type MacdResult = { macd: Float64Array; signal: Float64Array; histogram: Float64Array };

/**
 * MACD with TA-Lib's seeding: both EMAs start at index slow−1, each seeded with the SMA of its
 * last `period` values up to there (so the fast EMA is NOT seeded from index 0), and the signal
 * EMA is seeded with the SMA of the first `signal` MACD values. The line is defined from index
 * slow−1; signal and histogram from slow+signal−2 (33 for 12/26/9, TA-Lib's lookback), where
 * all three equal TA-Lib's outputs.
 *
 * @example macd(closes) // { macd, signal, histogram }, signal[33] is the first finite value
 */
export function macd(values: Float64Array, options: MacdOptions = {}): MacdResult {
  const { fast = 12, slow = 26, signal = 9 } = options;
  assertPeriod(fast, 'macd', 'fast');
  assertPeriod(slow, 'macd', 'slow');
  assertPeriod(signal, 'macd', 'signal');
  if (fast >= slow) {
    throw new DeskError('invalid_input', `macd fast must be < slow (got fast=${fast}, slow=${slow})`, { field: 'fast' });
  }
  const length = values.length;
  const result = { macd: nanArray(length), signal: nanArray(length), histogram: nanArray(length) };
  const start = slow - 1;
  if (length <= start) return result;
  const fastLine = emaSeededAt(values, fast, start);
  const slowLine = emaSeededAt(values, slow, start);
  for (let index = start; index < length; index++) result.macd[index] = fastLine[index] - slowLine[index];
  const signalStart = start + signal - 1;
  if (length <= signalStart) return result;
  result.signal = emaSeededAt(result.macd, signal, signalStart);
  for (let index = signalStart; index < length; index++) {
    result.histogram[index] = result.macd[index] - result.signal[index];
  }
  return result;
}

/** EMA whose first value sits at `seedIndex`, seeded with the mean of the `period` values ending there. */
function emaSeededAt(values: Float64Array, period: number, seedIndex: number): Float64Array {
  const result = nanArray(values.length);
  const alpha = 2 / (period + 1);
  let sum = 0;
  for (let index = seedIndex - period + 1; index <= seedIndex; index++) sum += values[index];
  let average = sum / period;
  result[seedIndex] = average;
  for (let index = seedIndex + 1; index < values.length; index++) {
    average += alpha * (values[index] - average);
    result[index] = average;
  }
  return result;
}
