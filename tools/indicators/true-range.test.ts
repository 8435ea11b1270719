import { describe, expect, it } from 'vitest';
import { expectSeries, nans } from './expect-series.ts';
import { WILDER_ATR_BARS } from './reference-data.ts';
import { atr, trueRange } from './true-range.ts';

describe('trueRange', () => {
  it('takes the widest of high−low and the gaps from the previous close, high−low on the first bar', () => {
    const bars = { high: Float64Array.of(10, 12, 11, 9), low: Float64Array.of(9, 11, 10.5, 8), close: Float64Array.of(9.5, 10.8, 10.8, 8.5) };
    // bar 1 gaps up: 12 − 9.5; bar 2 spans its previous close: 11 − 10.5; bar 3 gaps down: 10.8 − 8
    expectSeries(trueRange(bars), [1, 2.5, 0.5, 2.8], 12);
  });

  it("agrees with Wilder's example, whose first 14-bar average StockCharts shows as 0.56", () => {
    const ranges = trueRange(WILDER_ATR_BARS);
    expectSeries(ranges.subarray(0, 6), [0.91, 0.58, 0.51, 0.5, 0.58, 0.41], 10);
    expect(ranges.subarray(0, 14).reduce((sum, value) => sum + value, 0) / 14).toBeCloseTo(0.5542857143, 9);
  });
});

describe('atr', () => {
  it('starts at index period with the mean true range of bars 1..period (TA-Lib), then smooths the Wilder way', () => {
    expectSeries(atr(WILDER_ATR_BARS, 14), [
      ...nans(14), 0.5678571429, 0.5615816327, 0.5464686589, 0.5945780404, 0.5985367518, 0.6243555552,
      0.6576158727, 0.6770718818, 0.7608524617, 0.7679344287, 1.1966533981, 1.2911781554, 1.36966543,
      1.356832185, 1.3270584575, 1.3079828534,
    ]);
  });

  it('follows a small hand example', () => {
    const bars = { high: Float64Array.of(10, 12, 11, 9), low: Float64Array.of(9, 11, 10.5, 8), close: Float64Array.of(9.5, 10.8, 10.8, 8.5) };
    // true ranges 1, 2.5, 0.5, 2.8: seed (2.5 + 0.5) / 2 = 1.5 at index 2, then (1.5 + 2.8) / 2 = 2.15
    expectSeries(atr(bars, 2), [NaN, NaN, 1.5, 2.15], 12);
  });

  it('is all NaN with no more bars than the period, and refuses period 0', () => {
    const short = { high: Float64Array.of(2, 3), low: Float64Array.of(1, 2), close: Float64Array.of(1.5, 2.5) };
    expectSeries(atr(short, 2), [NaN, NaN]);
    expect(() => atr(WILDER_ATR_BARS, 0)).toThrow(/atr period must be a whole number >= 1 \(got 0\)/);
  });
});
