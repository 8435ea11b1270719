import { describe, expect, it } from 'vitest';
import { adx } from './adx.ts';
import { expectSeries, nans } from './expect-series.ts';
import { WILDER_ATR_BARS } from './reference-data.ts';

describe('adx', () => {
  it('follows a small hand example with period 2', () => {
    const bars = { high: Float64Array.of(10, 12, 11, 13), low: Float64Array.of(8, 9, 9, 10), close: Float64Array.of(9, 11, 10, 12) };
    // +DM 2, 0, 2 and TR 3, 2, 3; sums start with bar 1 (+DM 2, TR 3), then s − s/2 + x:
    // bar 2: +DM 1, TR 3.5 → +DI 28.57; bar 3: +DM 2.5, TR 4.75 → +DI 52.63. No −DM, so every DX is 100.
    const result = adx(bars, 2);
    expectSeries(result.plusDi, [NaN, NaN, 100 / 3.5, 250 / 4.75], 12);
    expectSeries(result.minusDi, [NaN, NaN, 0, 0]);
    expectSeries(result.adx, [NaN, NaN, NaN, 100]);
  });

  it('matches a direct computation of period 7 on the Wilder bars (DI from 7, ADX from 13)', () => {
    const result = adx(WILDER_ATR_BARS, 7);
    expectSeries(result.plusDi.subarray(0, 12), [...nans(7), 22.1299462628, 36.2041781632, 41.3721312116, 30.3368249793, 24.1861737875]);
    expectSeries(result.minusDi.subarray(0, 12), [...nans(7), 4.3966780655, 3.5474970438, 3.1669077687, 21.5384266211, 25.1747172858]);
    expectSeries(result.adx, [
      ...nans(13), 41.3623962293, 35.9105332185, 31.8886864567, 29.0351869558, 29.8577297322, 31.4306651682,
      27.7764066862, 26.5971130221, 25.5862898815, 29.2521194762, 33.3021629665, 40.8797562774, 47.3748362582,
      49.4392485002, 49.2887996616, 48.2598258695, 47.6280761356,
    ]);
  });

  it('starts ADX(14) at index 27 and the DIs at 14', () => {
    const result = adx(WILDER_ATR_BARS, 14);
    expect(result.plusDi[13]).toBeNaN();
    expect(result.plusDi[14]).not.toBeNaN();
    expect(result.adx[26]).toBeNaN();
    expect(result.adx[27]).not.toBeNaN();
  });

  it('reads 0 on bars that never move, and refuses period 0', () => {
    const flat = Float64Array.of(5, 5, 5, 5);
    const result = adx({ high: flat, low: flat, close: flat }, 1);
    expectSeries(result.plusDi, [NaN, 0, 0, 0]);
    expectSeries(result.adx, [NaN, 0, 0, 0]);
    expect(() => adx(WILDER_ATR_BARS, 0)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
