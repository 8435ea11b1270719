import { describe, expect, it } from 'vitest';
import { bollinger } from './bollinger.ts';
import { expectSeries, nans } from './expect-series.ts';
import { CLOSES_18 } from './reference-data.ts';

describe('bollinger', () => {
  it('puts the bands k population stds around the SMA', () => {
    // 1, 2, 3: mean 2, population std sqrt(2/3)
    const result = bollinger(Float64Array.of(1, 2, 3), { period: 3, k: 2 });
    expectSeries(result.middle, [NaN, NaN, 2]);
    expectSeries(result.upper, [NaN, NaN, 2 + 2 * Math.sqrt(2 / 3)], 12);
    expectSeries(result.lower, [NaN, NaN, 2 - 2 * Math.sqrt(2 / 3)], 12);
  });

  it('matches a direct computation on the close-18 sample (period 5, k 2)', () => {
    const result = bollinger(CLOSES_18, { period: 5 });
    expectSeries(result.middle, [
      ...nans(4), 136.78, 138.734, 142.406, 143.666, 142.032, 142.096, 147.082, 153.396, 165.656, 182.59, 201.376,
      217.59, 239.084, 255.068,
    ]);
    expectSeries(result.upper, [
      ...nans(4), 154.2418166294, 153.7289303433, 154.8650054178, 152.7926607256, 152.1980407239, 152.4386928795,
      165.0321237879, 184.6229924264, 210.0743630495, 234.6498655396, 259.2876811706, 267.6988239734,
      296.1676363243, 303.9899744491,
    ]);
    expect(result.lower[17]).toBeCloseTo(206.1460255509, 8);
  });

  it('uses k as given, 0 collapsing the bands onto the middle', () => {
    const result = bollinger(CLOSES_18, { period: 5, k: 0 });
    expect(result.upper[10]).toBe(result.middle[10]);
    expect(bollinger(CLOSES_18).middle[17]).toBeNaN(); // default period 20 > 18 values
  });

  it('refuses a negative k and period 0', () => {
    expect(() => bollinger(CLOSES_18, { k: -1 })).toThrow(/bollinger k must be a finite number >= 0 \(got -1\)/);
    expect(() => bollinger(CLOSES_18, { period: 0 })).toThrow(/bollinger period must be a whole number >= 1/);
  });
});
