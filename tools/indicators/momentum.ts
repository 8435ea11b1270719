import { assertPeriod } from './period.ts';
import { nanArray } from './validation.ts';

/**
 * Relative Strength Index with Wilder smoothing (TA-Lib RSI): the first average gain and loss
 * are plain means of the first `period` changes, then average = (average × (period−1) + change)
 * / period. First value at index `period`; 100 × gain / (gain + loss), and 0 when both are 0.
 *
 * @example rsi(closes, 14) // Wilder's worked example: ≈ 70.46 at index 14
 */
export function rsi(values: Float64Array, period: number): Float64Array {
  assertPeriod(period, 'rsi');
  const result = nanArray(values.length);
  if (values.length <= period) return result;
  let gain = 0;
  let loss = 0;
  for (let index = 1; index <= period; index++) {
    const change = values[index] - values[index - 1];
    if (change > 0) gain += change;
    else loss -= change;
  }
  gain /= period;
  loss /= period;
  result[period] = strength(gain, loss);
  for (let index = period + 1; index < values.length; index++) {
    const change = values[index] - values[index - 1];
    gain = (gain * (period - 1) + (change > 0 ? change : 0)) / period;
    loss = (loss * (period - 1) + (change < 0 ? -change : 0)) / period;
    result[index] = strength(gain, loss);
  }
  return result;
}

function strength(gain: number, loss: number): number {
  const total = gain + loss;
  return total === 0 ? 0 : (100 * gain) / total;
}

/**
 * Rate of change in percent (TA-Lib ROC): 100 × (value / value `period` bars ago − 1). First
 * value at index `period`; NaN where the earlier value is 0 (no percent change is defined).
 *
 * @example roc(Float64Array.of(100, 110, 99), 1) // [NaN, 10, -10]
 */
export function roc(values: Float64Array, period: number): Float64Array {
  assertPeriod(period, 'roc');
  const result = nanArray(values.length);
  for (let index = period; index < values.length; index++) {
    const earlier = values[index - period];
    result[index] = earlier === 0 ? Number.NaN : (values[index] / earlier - 1) * 100;
  }
  return result;
}
