import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { generateSyntheticBars, type SyntheticBarsOptions } from './synthetic.ts';

const options: SyntheticBarsOptions = {
  symbol: 'DEMO', seed: 11, startDate: '2016-01-01', endDate: '2025-12-31',
  initialPrice: 100, annualDrift: 0.08, annualVolatility: 0.25,
};

function bytesOf(values: Float64Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

describe('generateSyntheticBars', () => {
  const series = generateSyntheticBars(options);

  it('produces byte-identical bars for the same options', () => {
    const again = generateSyntheticBars({ ...options });
    expect(again.dates).toEqual(series.dates);
    for (const column of ['open', 'high', 'low', 'close', 'volume'] as const) {
      expect(bytesOf(again[column]).equals(bytesOf(series[column]))).toBe(true);
    }
  });

  it('produces different bars for another seed', () => {
    expect(generateSyntheticBars({ ...options, seed: 12 }).close).not.toEqual(series.close);
  });

  it('has one bar per weekday, each with low <= open, close <= high', () => {
    expect(series.dates).toHaveLength(2609);
    for (let index = 0; index < series.dates.length; index++) {
      expect(series.low[index]).toBeLessThanOrEqual(Math.min(series.open[index], series.close[index]));
      expect(series.high[index]).toBeGreaterThanOrEqual(Math.max(series.open[index], series.close[index]));
      expect(series.low[index]).toBeGreaterThan(0);
    }
  });

  it('rounds prices to cents and volumes to whole shares', () => {
    for (let index = 0; index < series.dates.length; index++) {
      expect(Math.abs(series.close[index] * 100 - Math.round(series.close[index] * 100))).toBeLessThan(1e-6);
      expect(Number.isInteger(series.volume[index])).toBe(true);
    }
  });

  it('opens near the previous close', () => {
    let largestGap = 0;
    for (let index = 1; index < series.dates.length; index++) {
      largestGap = Math.max(largestGap, Math.abs(series.open[index] / series.close[index - 1] - 1));
    }
    expect(largestGap).toBeLessThan(0.05);
  });

  it('has roughly the requested volatility over ten years', () => {
    const count = series.dates.length - 1;
    let sum = 0;
    let squares = 0;
    for (let index = 1; index <= count; index++) {
      const change = Math.log(series.close[index] / series.close[index - 1]);
      sum += change;
      squares += change * change;
    }
    const variance = (squares - (sum * sum) / count) / (count - 1);
    expect(Math.sqrt(variance * 252)).toBeGreaterThan(0.18);
    expect(Math.sqrt(variance * 252)).toBeLessThan(0.32);
  });

  it('switches into a stressed regime with larger moves at some point', () => {
    // Rolling 20-day volatility must vary clearly: calm spells vs stressed spells.
    const window = 20;
    let lowest = Infinity;
    let highest = 0;
    for (let end = window; end < series.dates.length; end += window) {
      let squares = 0;
      for (let index = end - window + 1; index <= end; index++) squares += Math.log(series.close[index] / series.close[index - 1]) ** 2;
      const volatility = Math.sqrt((squares / window) * 252);
      lowest = Math.min(lowest, volatility);
      highest = Math.max(highest, volatility);
    }
    expect(highest / lowest).toBeGreaterThan(2);
  });

  it('refuses a non-positive initial price', () => {
    expect(() => generateSyntheticBars({ ...options, initialPrice: 0 })).toThrow(/initialPrice must be a number > 0/);
  });
});
