import { describe, expect, it } from 'vitest';
import { expectSeries, nans } from './expect-series.ts';
import { WILDER_ATR_BARS } from './reference-data.ts';
import { stochastic } from './stochastic.ts';

describe('stochastic', () => {
  it('places the close in the high-low range, then smooths it twice with SMAs', () => {
    const bars = { high: Float64Array.of(3, 4, 5, 4), low: Float64Array.of(1, 2, 3, 2), close: Float64Array.of(2, 4, 3, 2) };
    const result = stochastic(bars, { kPeriod: 2, slowKPeriod: 2, dPeriod: 2 });
    // ranges 1..4, 2..5, 2..5: closes 4, 3, 2 sit at 100 %, 33.3 %, 0 %
    expectSeries(result.fastK, [NaN, 100, 100 / 3, 0], 12);
    expectSeries(result.slowK, [NaN, NaN, 200 / 3, 50 / 3], 12);
    expectSeries(result.d, [NaN, NaN, NaN, 125 / 3], 12);
  });

  it('matches a direct computation of 14/3/3 on the Wilder bars', () => {
    const result = stochastic(WILDER_ATR_BARS);
    expect(result.fastK[13]).toBeCloseTo(93.3333333333, 8);
    expectSeries(result.slowK.subarray(14, 20), [NaN, 96.3117194448, 95.2144395923, 77.8462415187, 57.3343517544, 52.8326247788]);
    expectSeries(result.d, [
      ...nans(17), 89.7908001853, 76.7983442885, 62.671072684, 51.6205222987, 49.911572379, 42.7123496948,
      37.8603772667, 30.0938445509, 32.518038633, 40.9089327106, 51.1142346026, 62.0390720391, 67.4603174603,
    ]);
  });

  it('reads 0 when the range is flat, as TA-Lib does', () => {
    const flat = Float64Array.of(5, 5, 5);
    expectSeries(stochastic({ high: flat, low: flat, close: flat }, { kPeriod: 2, slowKPeriod: 1, dPeriod: 1 }).fastK, [NaN, 0, 0]);
  });

  it('refuses a slowing period of 0, naming it', () => {
    expect(() => stochastic(WILDER_ATR_BARS, { slowKPeriod: 0 })).toThrow(/stochastic slowKPeriod must be a whole number >= 1 \(got 0\)/);
  });
});
