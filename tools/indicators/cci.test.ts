import { describe, expect, it } from 'vitest';
import { cci } from './cci.ts';
import { expectSeries, nans } from './expect-series.ts';
import { WILDER_ATR_BARS } from './reference-data.ts';

const same = (values: Float64Array) => ({ high: values, low: values, close: values });

describe('cci', () => {
  it('divides the distance from the mean by 0.015 × the mean absolute deviation', () => {
    // window 1,2,3: (3 − 2) / (0.015 × 2/3) = 100; window 2,3,2: (2 − 7/3) / (0.015 × 4/9) = −50
    expectSeries(cci(same(Float64Array.of(1, 2, 3, 2)), 3), [NaN, NaN, 100, -50], 10);
  });

  it('uses the typical price (high + low + close) / 3', () => {
    const bars = { high: Float64Array.of(3, 4, 6), low: Float64Array.of(1, 2, 2), close: Float64Array.of(2, 3, 4) };
    // typical prices 2, 3, 4: (4 − 3) / (0.015 × 2/3) = 100
    expectSeries(cci(bars, 3), [NaN, NaN, 100], 10);
  });

  it('matches a direct computation of period 10 on the Wilder bars', () => {
    expectSeries(cci(WILDER_ATR_BARS, 10), [
      ...nans(9), 163.7470308789, 77.1107128634, 26.9251480883, 64.6170442287, 92.8689883914, 79.7518546943,
      138.5342789598, 123.7900477164, -56.7426970788, -108.4022038567, 42.6501035197, -55.2147239264,
      -12.5952667469, -198.4501347709, -179.0108660914, -232.8216837921, -151.752030181, -36.828352115,
      -21.6151202749, 16.4892043774, 14.044467074,
    ]);
  });

  it('is 0 on a flat window and refuses period 0', () => {
    expectSeries(cci(same(Float64Array.of(7, 7)), 2), [NaN, 0]);
    expect(() => cci(WILDER_ATR_BARS, 0)).toThrow(/cci period must be a whole number >= 1 \(got 0\)/);
  });
});
