import { describe, expect, it } from 'vitest';
import { ema, sma } from './moving-averages.ts';

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
