import { assertPeriod } from './period.ts';
import { assertSameLength, nanArray, type HighLowClose } from './validation.ts';

/**
 * True range: max(high − low, |high − previous close|, |low − previous close|). The first bar
 * has no previous close, so its true range is high − low (TA-Lib TRANGE leaves it NaN instead).
 *
 * @example trueRange({ high: Float64Array.of(10, 12), low: Float64Array.of(9, 11), close: Float64Array.of(9.5, 11.5) }) // [1, 2.5]
 */
export function trueRange(bars: HighLowClose): Float64Array {
  return trueRangeFor(bars, 'trueRange');
}

/** True ranges, with `indicator` naming the caller in a length error. */
function trueRangeFor(bars: HighLowClose, indicator: string): Float64Array {
  const length = assertSameLength(indicator, bars);
  const { high, low, close } = bars;
  const result = new Float64Array(length);
  if (length > 0) result[0] = high[0] - low[0];
  for (let index = 1; index < length; index++) result[index] = barTrueRange(high[index], low[index], close[index - 1]);
  return result;
}

/**
 * True range of one bar given the previous close.
 * @example barTrueRange(12, 11, 9.5) // 2.5: the gap up from the previous close
 */
export function barTrueRange(high: number, low: number, previousClose: number): number {
  return Math.max(high - low, Math.abs(high - previousClose), Math.abs(low - previousClose));
}

/**
 * Average true range with Wilder smoothing, TA-Lib ATR convention: the first value, at index
 * `period`, is the mean of the true ranges of bars 1..period (each with a previous close); then
 * atr = (atr × (period−1) + tr) / period. NaN before index `period`.
 *
 * @example atr(bars, 14) // first finite value at index 14
 */
export function atr(bars: HighLowClose, period: number): Float64Array {
  assertPeriod(period, 'atr');
  const ranges = trueRangeFor(bars, 'atr');
  const result = nanArray(ranges.length);
  if (ranges.length <= period) return result;
  let average = 0;
  for (let index = 1; index <= period; index++) average += ranges[index];
  average /= period;
  result[period] = average;
  for (let index = period + 1; index < ranges.length; index++) {
    average = (average * (period - 1) + ranges[index]) / period;
    result[index] = average;
  }
  return result;
}
