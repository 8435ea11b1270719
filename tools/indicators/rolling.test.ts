import { describe, expect, it } from 'vitest';
import { expectSeries, nans } from './expect-series.ts';
import { CLOSES_18 } from './reference-data.ts';
import { rollingStd, rollingZScore } from './rolling.ts';

describe('rollingStd', () => {
  it('is the population std by default: 2 for the textbook sample 2,4,4,4,5,5,7,9', () => {
    expectSeries(rollingStd(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9), 8), [...nans(7), 2], 12);
    expectSeries(rollingStd(Float64Array.of(1, 2, 4), 2), [NaN, 0.5, 1], 12);
  });

  it('divides by n − 1 with sample: true', () => {
    expectSeries(rollingStd(CLOSES_18, 5, { sample: true }), [
      ...nans(4), 9.7614522485, 8.3824208914, 6.9647957615, 5.1019584475, 5.6829895302, 5.7817410873,
      10.0344242486, 17.4564194496, 24.830619807, 29.1023495615, 32.3736139472, 28.0116841693, 31.910722806,
      27.3482151154,
    ]);
  });

  it('stays accurate on prices far from zero over a long slide', () => {
    const values = Float64Array.from({ length: 100_000 }, (_, index) => 1e6 + (index % 3));
    // every window of 3 holds 0, 1, 2 above 1e6: population std sqrt(2/3)
    expect(rollingStd(values, 3)[99_999]).toBeCloseTo(Math.sqrt(2 / 3), 6);
  });

  it('is 0 for period 1, and refuses a sample std over fewer than 2 values', () => {
    expectSeries(rollingStd(Float64Array.of(3, 7), 1), [0, 0]);
    expect(() => rollingStd(CLOSES_18, 1, { sample: true })).toThrow(/rollingStd period must be a whole number >= 2 \(got 1\)/);
  });
});

describe('rollingZScore', () => {
  it('measures the latest value in population stds from its window mean', () => {
    expectSeries(rollingZScore(Float64Array.of(1, 2, 3), 3), [NaN, NaN, 1 / Math.sqrt(2 / 3)], 12);
    expectSeries(rollingZScore(CLOSES_18, 5), [
      ...nans(4), 1.3973345682, -0.1619213924, 0.7984585981, -1.0115419295, -0.944713902, 1.3930607984,
      1.7123001692, 1.6366609791, 1.5621467167, 1.5101844614, 1.44544241, 1.0349474581, 1.6584787883, 1.0302936578,
    ]);
  });

  it('is 0 on a flat window instead of dividing by zero', () => {
    expectSeries(rollingZScore(Float64Array.of(4, 4, 4), 2), [NaN, 0, 0]);
  });

  it('refuses period 0', () => {
    expect(() => rollingZScore(CLOSES_18, 0)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
