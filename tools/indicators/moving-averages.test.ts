import { describe, expect, it } from 'vitest';
import { ema, sma, wma } from './moving-averages.ts';
import { expectSeries, nans } from './expect-series.ts';
import { CLOSES_18 } from './reference-data.ts';

// The first closes of the technicalindicators "close-18" sample.
const closes = Float64Array.of(127.75, 129.02, 132.75, 145.4, 148.98, 137.52);

describe('sma', () => {
  it('is NaN during the warm-up and the mean of the last values after it', () => {
    const result = sma(closes, 4);
    expect(Array.from(result.subarray(0, 3))).toEqual([NaN, NaN, NaN]);
    expect(result[3]).toBeCloseTo((127.75 + 129.02 + 132.75 + 145.4) / 4, 10); // 133.73
    expect(result[4]).toBeCloseTo((129.02 + 132.75 + 145.4 + 148.98) / 4, 10); // 139.0375
    expect(result[5]).toBeCloseTo((132.75 + 145.4 + 148.98 + 137.52) / 4, 10); // 141.1625
  });

  it('returns the input for period 1 and all NaN when there are too few values', () => {
    expect(Array.from(sma(Float64Array.of(1, 2, 3), 1))).toEqual([1, 2, 3]);
    expect(Array.from(sma(Float64Array.of(1, 2), 3))).toEqual([NaN, NaN]);
  });

  it.each([[0], [-1], [2.5], [NaN]])('refuses period %s', (period) => {
    expect(() => sma(closes, period)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('ema', () => {
  it('seeds with the SMA of the first period values, then smooths with 2/(period+1)', () => {
    const result = ema(closes, 4);
    expect(Array.from(result.subarray(0, 3))).toEqual([NaN, NaN, NaN]);
    expect(result[3]).toBeCloseTo(133.73, 10);
    // alpha = 0.4: 133.73 + 0.4 × (148.98 − 133.73) = 139.83
    expect(result[4]).toBeCloseTo(139.83, 10);
    // 139.83 + 0.4 × (137.52 − 139.83) = 138.906
    expect(result[5]).toBeCloseTo(138.906, 10);
  });

  it('tracks a small hand example exactly', () => {
    expect(Array.from(ema(Float64Array.of(1, 2, 3, 4, 10), 3))).toEqual([NaN, NaN, 2, 3, 6.5]);
  });

  it('is all NaN when there are fewer values than the period', () => {
    expect(Array.from(ema(Float64Array.of(1, 2), 3))).toEqual([NaN, NaN]);
  });

  it('refuses a period below 1', () => {
    expect(() => ema(closes, 0)).toThrow(/ema period must be a whole number >= 1 \(got 0\)/);
  });
});

describe('wma', () => {
  it('weighs the newest value most, with weights 1..period over their sum', () => {
    // (1×1 + 2×2 + 3×3) / 6, (1×2 + 2×3 + 3×4) / 6, (1×3 + 2×4 + 3×10) / 6
    expectSeries(wma(Float64Array.of(1, 2, 3, 4, 10), 3), [NaN, NaN, 14 / 6, 20 / 6, 41 / 6], 12);
  });

  it('matches a direct weighted sum on the close-18 sample', () => {
    expectSeries(wma(CLOSES_18, 5), [
      ...nans(4), 140.7026666667, 140.9493333333, 143.8313333333, 142.7126666667, 140.5673333333, 142.99,
      149.7746666667, 160.3973333333, 176.0486666667, 194.7966666667, 215.01, 229.058, 252.0013333333, 265.73,
    ]);
  });

  it('returns the input for period 1 and refuses period 0', () => {
    expect(Array.from(wma(Float64Array.of(4, 5), 1))).toEqual([4, 5]);
    expect(() => wma(closes, 0)).toThrow(/wma period must be a whole number >= 1 \(got 0\)/);
  });
});
