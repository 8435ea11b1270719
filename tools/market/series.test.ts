import { describe, expect, it } from 'vitest';
import type { BarSeries } from '../../core/index.ts';
import { barSeriesFromRows, barSeriesToRows, lastYearsRange, sliceSeries } from './series.ts';

const rows = [
  { date: '2020-01-02', open: 10, high: 11, low: 9, close: 10.5, volume: 100 },
  { date: '2020-06-01', open: 10.5, high: 12, low: 10, close: 11.5, volume: 200 },
  { date: '2021-01-04', open: 11.5, high: 12.5, low: 11, close: 12, volume: 300 },
  { date: '2022-01-03', open: 12, high: 13, low: 11.5, close: 12.5, volume: 400 },
  { date: '2022-12-30', open: 12.5, high: 14, low: 12, close: 13.5, volume: 500 },
];

function series(): BarSeries {
  return barSeriesFromRows('acme', rows);
}

describe('barSeriesFromRows and barSeriesToRows', () => {
  it('round-trips rows through columns with an upper-case symbol', () => {
    expect(barSeriesToRows(series())).toEqual(rows.map((row) => ({ symbol: 'ACME', ...row })));
  });

  it('sorts rows by date', () => {
    expect(barSeriesFromRows('ACME', [...rows].reverse()).dates).toEqual(rows.map((row) => row.date));
  });

  it('refuses a repeated date and an invalid symbol', () => {
    expect(() => barSeriesFromRows('ACME', [rows[0], rows[0]])).toThrow(/duplicate bar date 2020-01-02/);
    expect(() => barSeriesFromRows('not a ticker', rows)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('sliceSeries', () => {
  it('keeps bars between from and to inclusive', () => {
    expect(sliceSeries(series(), { from: '2020-06-01', to: '2022-01-03' }).dates).toEqual(['2020-06-01', '2021-01-04', '2022-01-03']);
  });

  it('treats bounds between bar dates correctly and allows open ends', () => {
    expect(sliceSeries(series(), { from: '2020-06-02' }).dates).toEqual(['2021-01-04', '2022-01-03', '2022-12-30']);
    expect(sliceSeries(series(), { to: '2021-01-03' }).dates).toEqual(['2020-01-02', '2020-06-01']);
    expect(sliceSeries(series(), {}).dates).toHaveLength(5);
  });

  it('returns an empty series for a range without bars', () => {
    const empty = sliceSeries(series(), { from: '2023-01-01' });
    expect(empty.dates).toEqual([]);
    expect(empty.close.length).toBe(0);
    expect(sliceSeries(series(), { from: '2022-01-01', to: '2021-01-01' }).dates).toEqual([]);
  });

  it('copies columns so the slice cannot change the source', () => {
    const source = series();
    const slice = sliceSeries(source, { from: '2020-01-02' });
    slice.close[0] = 999;
    expect(source.close[0]).toBe(10.5);
  });
});

describe('lastYearsRange', () => {
  it('starts at the first bar on or after the last date minus the years', () => {
    expect(lastYearsRange(series(), 1)).toEqual({ from: '2022-01-03', to: '2022-12-30' });
    expect(lastYearsRange(series(), 2)).toEqual({ from: '2021-01-04', to: '2022-12-30' });
  });

  it('returns the whole series when it is shorter than the years asked', () => {
    expect(lastYearsRange(series(), 10)).toEqual({ from: '2020-01-02', to: '2022-12-30' });
  });

  it('refuses an empty series and a non-positive number of years', () => {
    expect(() => lastYearsRange(sliceSeries(series(), { from: '2030-01-01' }), 1)).toThrow(expect.objectContaining({ code: 'insufficient_data' }));
    expect(() => lastYearsRange(series(), 0)).toThrow(/years must be a number > 0/);
  });
});
