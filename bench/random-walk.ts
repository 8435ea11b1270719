import type { BarSeries } from '../core/index.ts';
import { createRng } from '../tools/market/index.ts';

/**
 * A seeded random walk of daily bars for benchmarks: ±1% moves, highs and lows 0.2% beyond the
 * body, volume 1,000, distinct dates one calendar day apart from 1800-01-01 (so a million bars fit).
 * @example const series = randomWalkSeries(100_000, 7);
 */
export function randomWalkSeries(count: number, seed: number): BarSeries {
  const random = createRng(seed);
  const dates = new Array<string>(count);
  const series: BarSeries = { symbol: 'BENCH', dates, open: new Float64Array(count), high: new Float64Array(count), low: new Float64Array(count), close: new Float64Array(count), volume: new Float64Array(count) };
  let price = 100;
  for (let index = 0; index < count; index++) {
    dates[index] = new Date(Date.UTC(1800, 0, 1 + index)).toISOString().slice(0, 10);
    series.open[index] = price;
    price = Math.max(1, price * (1 + (random() - 0.5) * 0.02));
    series.high[index] = Math.max(series.open[index], price) * 1.002;
    series.low[index] = Math.min(series.open[index], price) * 0.998;
    series.close[index] = price;
    series.volume[index] = 1_000;
  }
  return series;
}
