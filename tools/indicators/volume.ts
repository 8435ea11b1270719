import { assertSameLength, nanArray, type HighLowClose } from './validation.ts';

/**
 * On-balance volume (TA-Lib OBV): starts at the first bar's volume, then adds the volume on an
 * up close, subtracts it on a down close and keeps it on an unchanged close.
 *
 * @example obv(Float64Array.of(10, 11, 10.5, 10.5), Float64Array.of(100, 200, 50, 70)) // [100, 300, 250, 250]
 */
export function obv(close: Float64Array, volume: Float64Array): Float64Array {
  const length = assertSameLength('obv', { close, volume });
  const result = new Float64Array(length);
  if (length === 0) return result;
  let balance = volume[0];
  result[0] = balance;
  for (let index = 1; index < length; index++) {
    if (close[index] > close[index - 1]) balance += volume[index];
    else if (close[index] < close[index - 1]) balance -= volume[index];
    result[index] = balance;
  }
  return result;
}

/** Bars with volume for VWAP; `session` (optional) restarts the sums whenever its key changes. */
export type VwapInput = HighLowClose & { volume: Float64Array; session?: ArrayLike<string | number> };

/**
 * Volume-weighted average price: cumulative Σ(typical price × volume) / Σ volume, with typical
 * price (high + low + close) / 3. With `session` keys (e.g. trading dates), the sums restart at
 * each bar whose key differs from the previous bar's. NaN while the cumulative volume is 0.
 *
 * @example vwap({ high, low, close, volume, session: ['2024-01-02', '2024-01-02', '2024-01-03'] })
 */
export function vwap(input: VwapInput): Float64Array {
  const { high, low, close, volume, session } = input;
  const series: Record<string, ArrayLike<unknown>> = { high, low, close, volume };
  if (session !== undefined) series.session = session;
  const length = assertSameLength('vwap', series);
  const result = nanArray(length);
  let weighted = 0;
  let total = 0;
  for (let index = 0; index < length; index++) {
    if (session !== undefined && index > 0 && session[index] !== session[index - 1]) {
      weighted = 0;
      total = 0;
    }
    weighted += ((high[index] + low[index] + close[index]) / 3) * volume[index];
    total += volume[index];
    if (total !== 0) result[index] = weighted / total;
  }
  return result;
}
