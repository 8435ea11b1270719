import { describe, expect, it } from 'vitest';
import { expectSeries } from './expect-series.ts';
import { rollingMax, rollingMin } from './rolling-extremes.ts';

describe('rollingMin and rollingMax', () => {
  it('track the extreme of the last period values', () => {
    const values = Float64Array.of(3, 1, 4, 1, 5, 9, 2, 6);
    expectSeries(rollingMin(values, 3), [NaN, NaN, 1, 1, 1, 1, 2, 2]);
    expectSeries(rollingMax(values, 3), [NaN, NaN, 4, 4, 5, 9, 9, 9]);
  });

  it('let an extreme expire exactly when it leaves the window', () => {
    expectSeries(rollingMax(Float64Array.of(9, 1, 2, 3, 0), 3), [NaN, NaN, 9, 3, 3]);
    expectSeries(rollingMin(Float64Array.of(0, 5, 4, 3, 9), 3), [NaN, NaN, 0, 3, 3]);
  });

  it('agree with a brute-force scan on a long zig-zag', () => {
    const values = Float64Array.from({ length: 500 }, (_, index) => ((index * 37) % 101) - ((index * 11) % 17));
    const minimum = rollingMin(values, 7);
    const maximum = rollingMax(values, 7);
    for (let index = 6; index < values.length; index++) {
      const window = Array.from(values.subarray(index - 6, index + 1));
      expect(minimum[index]).toBe(Math.min(...window));
      expect(maximum[index]).toBe(Math.max(...window));
    }
  });

  it('return the input for period 1 and refuse period 0', () => {
    expect(Array.from(rollingMin(Float64Array.of(2, 1), 1))).toEqual([2, 1]);
    expect(() => rollingMax(Float64Array.of(1), 0)).toThrow(/rollingMax period must be a whole number >= 1 \(got 0\)/);
  });
});
