import { assertPeriod } from './period.ts';
import { barTrueRange } from './true-range.ts';
import { assertSameLength, nanArray, type HighLowClose } from './validation.ts';

/** +DI, −DI (from index `period`) and ADX (from index 2×period−1), each 0..100. */
export type AdxResult = { plusDi: Float64Array; minusDi: Float64Array; adx: Float64Array };

/**
 * Directional movement (Wilder) with TA-Lib's PLUS_DI / MINUS_DI / ADX conventions. The smoothed
 * +DM, −DM and TR start as sums over bars 1..period−1 and then follow s = s − s/period + x, so
 * the DIs start at index `period`. ADX seeds with the mean of the first `period` DX values and
 * then adx = (adx × (period−1) + dx) / period, starting at index 2×period−1 (27 for 14). A DI is
 * 0 when the smoothed TR is 0; a DX with +DI + −DI = 0 leaves the ADX unchanged (0 in the seed).
 *
 * @example adx(bars, 14).adx // first finite value at index 27
 */
export function adx(bars: HighLowClose, period: number): AdxResult {
  assertPeriod(period, 'adx');
  const length = assertSameLength('adx', bars);
  const { high, low, close } = bars;
  const result = { plusDi: nanArray(length), minusDi: nanArray(length), adx: nanArray(length) };
  let plus = 0;
  let minus = 0;
  let range = 0;
  let dxSum = 0;
  let average = 0;
  for (let index = 1; index < length; index++) {
    const up = high[index] - high[index - 1];
    const down = low[index - 1] - low[index];
    const plusMove = up > 0 && up > down ? up : 0;
    const minusMove = down > 0 && down > up ? down : 0;
    const trueRange = barTrueRange(high[index], low[index], close[index - 1]);
    if (index < period) {
      plus += plusMove;
      minus += minusMove;
      range += trueRange;
      continue;
    }
    plus += plusMove - plus / period;
    minus += minusMove - minus / period;
    range += trueRange - range / period;
    const plusDi = range === 0 ? 0 : (100 * plus) / range;
    const minusDi = range === 0 ? 0 : (100 * minus) / range;
    result.plusDi[index] = plusDi;
    result.minusDi[index] = minusDi;
    const diSum = plusDi + minusDi;
    const dx = diSum === 0 ? Number.NaN : (100 * Math.abs(plusDi - minusDi)) / diSum;
    if (index < 2 * period - 1) {
      dxSum += Number.isNaN(dx) ? 0 : dx;
    } else if (index === 2 * period - 1) {
      average = (dxSum + (Number.isNaN(dx) ? 0 : dx)) / period;
      result.adx[index] = average;
    } else {
      if (!Number.isNaN(dx)) average = (average * (period - 1) + dx) / period;
      result.adx[index] = average;
    }
  }
  return result;
}
