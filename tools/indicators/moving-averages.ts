import { assertPeriod } from './period.ts';
import { nanArray } from './validation.ts';

/**
 * Simple moving average in one pass (running sum): NaN for the first period-1 values, then the
 * mean of the last `period` values. Inputs are expected to be finite.
 *
 * @example sma(Float64Array.of(1, 2, 3, 4), 2) // [NaN, 1.5, 2.5, 3.5]
 */
export function sma(values: Float64Array, period: number): Float64Array {
  assertPeriod(period, 'sma');
  const result = new Float64Array(values.length).fill(Number.NaN);
  let sum = 0;
  for (let index = 0; index < values.length; index++) {
    sum += values[index];
    if (index >= period) sum -= values[index - period];
    if (index >= period - 1) result[index] = sum / period;
  }
  return result;
}

/**
 * Exponential moving average, TA-Lib convention: NaN for the first period-1 values, seeded with
 * the SMA of the first `period` values, then ema += alpha * (value - ema) with alpha = 2/(period+1).
 *
 * @example ema(Float64Array.of(1, 2, 3, 4), 3) // [NaN, NaN, 2, 3]
 */
export function ema(values: Float64Array, period: number): Float64Array {
  assertPeriod(period, 'ema');
  const result = new Float64Array(values.length).fill(Number.NaN);
  if (values.length < period) return result;
  const alpha = 2 / (period + 1);
  let sum = 0;
  for (let index = 0; index < period; index++) sum += values[index];
  let average = sum / period;
  result[period - 1] = average;
  for (let index = period; index < values.length; index++) {
    average += alpha * (values[index] - average);
    result[index] = average;
  }
  return result;
}

/**
 * Linearly weighted moving average (TA-Lib WMA): weights 1..period, the newest value weighing
 * most; NaN for the first period-1 values. O(n): the weighted sum drops the whole previous
 * window sum once per step and adds period × the new value.
 *
 * @example wma(Float64Array.of(1, 2, 3, 4), 3) // [NaN, NaN, (1+4+9)/6, (2+6+12)/6] = [NaN, NaN, 2.333…, 3.333…]
 */
export function wma(values: Float64Array, period: number): Float64Array {
  assertPeriod(period, 'wma');
  const result = nanArray(values.length);
  if (values.length < period) return result;
  const divisor = (period * (period + 1)) / 2;
  let sum = 0;
  let weighted = 0;
  for (let index = 0; index < period; index++) {
    sum += values[index];
    weighted += (index + 1) * values[index];
  }
  result[period - 1] = weighted / divisor;
  for (let index = period; index < values.length; index++) {
    weighted += period * values[index] - sum;
    sum += values[index] - values[index - period];
    result[index] = weighted / divisor;
  }
  return result;
}
