import { describe, expect, it } from 'vitest';
import { expectSeries, nans } from './expect-series.ts';
import { macd } from './macd.ts';
import { CLOSES_18, WILDER_RSI_CLOSES } from './reference-data.ts';

describe('macd', () => {
  it('seeds both EMAs at index slow−1 from their own last period values (TA-Lib seeding)', () => {
    // fast EMA(3) seeded with mean(closes[3..5]) = 143.9667, slow EMA(6) with mean(closes[0..5]) = 136.9033
    const result = macd(CLOSES_18, { fast: 3, slow: 6, signal: 4 });
    expect(result.macd[5]).toBeCloseTo((145.4 + 148.98 + 137.52) / 3 - (127.75 + 129.02 + 132.75 + 145.4 + 148.98 + 137.52) / 6, 10);
    expectSeries(result.macd, [
      ...nans(5), 7.0633333333, 5.7766666667, 2.7069047619, 0.8338605442, 2.6322218173, 5.7163191552, 9.5368797537,
      14.1246685741, 18.3632119279, 21.8243757074, 20.0048805276, 25.690077888, 22.732637247,
    ]);
    expectSeries(result.signal, [
      ...nans(8), 4.0951913265, 3.5100035228, 4.3925297758, 6.450269767, 9.5200292898, 13.0573023451, 16.56413169,
      17.9404312251, 21.0402898903, 21.717228833,
    ]);
    expectSeries(result.histogram, [
      ...nans(8), -3.2613307823, -0.8777817055, 1.3237893794, 3.0866099868, 4.6046392843, 5.3059095829,
      5.2602440174, 2.0644493026, 4.6497879978, 1.0154084141,
    ]);
  });

  it('gives the first 12/26/9 signal and histogram at index 33, the line at index 25', () => {
    const closes = Float64Array.from({ length: 40 }, (_, index) => 100 + Math.sin(index / 3) * 5 + index * 0.1);
    const result = macd(closes);
    expect(result.macd[24]).toBeNaN();
    expect(result.macd[25]).not.toBeNaN();
    expect(result.signal[32]).toBeNaN();
    expect(result.signal[33]).not.toBeNaN();
    expect(result.histogram[33]).toBeCloseTo(result.macd[33] - result.signal[33], 12);
  });

  it('matches a direct computation on the Wilder closes with a short signal', () => {
    const result = macd(WILDER_RSI_CLOSES, { signal: 3 });
    expect(result.macd[25]).toBeCloseTo(0.4917307692, 8);
    expectSeries(result.signal.subarray(26), [NaN, 0.3129554752, 0.1760801283, 0.0775165479, -0.0411171806, -0.1841727378, -0.300696767]);
  });

  it('is all NaN when shorter than the slow period', () => {
    const result = macd(CLOSES_18.subarray(0, 5), { fast: 3, slow: 6, signal: 4 });
    expectSeries(result.macd, nans(5));
  });

  it('refuses fast >= slow and periods below 1, naming the parameter', () => {
    expect(() => macd(CLOSES_18, { fast: 26, slow: 12 })).toThrow(/macd fast must be < slow \(got fast=26, slow=12\)/);
    expect(() => macd(CLOSES_18, { signal: 0 })).toThrow(/macd signal must be a whole number >= 1 \(got 0\)/);
  });
});
