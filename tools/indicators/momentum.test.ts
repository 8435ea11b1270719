import { describe, expect, it } from 'vitest';
import { expectSeries, nans } from './expect-series.ts';
import { roc, rsi } from './momentum.ts';
import { WILDER_RSI_CLOSES } from './reference-data.ts';

describe('rsi', () => {
  it("reproduces Wilder's worked example from index 14 on", () => {
    // StockCharts publishes these rounded to 2 decimals: 70.46, 66.25, 66.48, 69.35, 66.29, 57.92 ...
    expectSeries(rsi(WILDER_RSI_CLOSES, 14), [
      ...nans(14), 70.4641350211, 66.2496185536, 66.4809418347, 69.3468531629, 66.2947126589, 57.9150206701,
      62.88071831, 63.2087887183, 56.0115847895, 62.3399293109, 54.6709713777, 50.3868151951, 40.0194237913,
      41.4926354042, 41.9024296785, 45.4994972387, 37.3227783134, 33.0904825727, 37.7887719821,
    ]);
  });

  it('averages the first changes plainly, then smooths them the Wilder way', () => {
    // changes +1, −1, +2, then +1: seed gain 3/3 = 1, loss 1/3; next gain (1×2 + 1)/3 = 1, loss (1/3×2)/3 = 2/9
    expectSeries(rsi(Float64Array.of(10, 11, 10, 12, 13), 3), [...nans(3), 75, 100 / (1 + 2 / 9)], 12);
  });

  it('is 100 for a rising series, 0 for a falling one and 0 for a flat one', () => {
    expect(rsi(Float64Array.of(1, 2, 3, 4), 2)[3]).toBe(100);
    expect(rsi(Float64Array.of(4, 3, 2, 1), 2)[3]).toBe(0);
    expect(rsi(Float64Array.of(5, 5, 5), 2)[2]).toBe(0);
  });

  it('is all NaN until there are period + 1 values, and refuses period 0', () => {
    expectSeries(rsi(Float64Array.of(1, 2, 3), 3), nans(3));
    expect(() => rsi(WILDER_RSI_CLOSES, 0)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('roc', () => {
  it('is the percent change against the value period bars ago', () => {
    expectSeries(roc(Float64Array.of(100, 110, 99, 121), 1), [NaN, 10, -10, 100 * (121 / 99 - 1)], 12);
    expectSeries(roc(Float64Array.of(100, 110, 99, 121), 2), [NaN, NaN, -1, 10], 12);
  });

  it('is NaN where the earlier value is 0, and refuses a fractional period', () => {
    expect(roc(Float64Array.of(0, 5), 1)[1]).toBeNaN();
    expect(() => roc(WILDER_RSI_CLOSES, 1.5)).toThrow(/roc period must be a whole number >= 1 \(got 1.5\)/);
  });
});
