import { assertPeriod } from './period.ts';
import { assertSameLength, nanArray, type HighLowClose } from './validation.ts';

/** Lambert's constant: scales CCI so that roughly 70–80 % of values fall within ±100. */
const CCI_CONSTANT = 0.015;

/**
 * Commodity Channel Index (TA-Lib CCI): typical price tp = (high + low + close) / 3, then
 * (tp − SMA(tp)) / (0.015 × mean absolute deviation of tp from that SMA), 0 when the deviation
 * is 0. NaN for the first period−1 values.
 *
 * O(n × period), unavoidably: the mean deviation is measured from the current window's mean, so
 * every term changes whenever the mean moves and there is no running update for it.
 *
 * @example cci(bars, 20) // first finite value at index 19
 */
export function cci(bars: HighLowClose, period: number): Float64Array {
  assertPeriod(period, 'cci');
  const length = assertSameLength('cci', bars);
  const typical = new Float64Array(length);
  for (let index = 0; index < length; index++) {
    typical[index] = (bars.high[index] + bars.low[index] + bars.close[index]) / 3;
  }
  const result = nanArray(length);
  let sum = 0;
  for (let index = 0; index < length; index++) {
    sum += typical[index];
    if (index >= period) sum -= typical[index - period];
    if (index < period - 1) continue;
    const mean = sum / period;
    let deviation = 0;
    for (let back = index - period + 1; back <= index; back++) deviation += Math.abs(typical[back] - mean);
    deviation /= period;
    result[index] = deviation === 0 ? 0 : (typical[index] - mean) / (CCI_CONSTANT * deviation);
  }
  return result;
}
