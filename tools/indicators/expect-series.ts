import { expect } from 'vitest';

/**
 * Test helper: assert a series equals the expected numbers to `digits` decimals, with NaN
 * expected exactly where `expected` has NaN.
 *
 * @example expectSeries(sma(values, 2), [NaN, 1.5, 2.5])
 */
export function expectSeries(actual: Float64Array, expected: readonly number[], digits = 8): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((value, index) => {
    if (Number.isNaN(value)) expect(actual[index], `index ${index}`).toBeNaN();
    else expect(actual[index], `index ${index}`).toBeCloseTo(value, digits);
  });
}

/**
 * `count` NaNs, for spelling out warm-ups in expected series.
 * @example [...nans(2), 1.5] // [NaN, NaN, 1.5]
 */
export function nans(count: number): number[] {
  return new Array<number>(count).fill(Number.NaN);
}
