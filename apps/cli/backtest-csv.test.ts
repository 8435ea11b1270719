import { describe, expect, it } from 'vitest';
import { adjustBars, readBarsCsv } from './backtest-csv.ts';

describe('readBarsCsv', () => {
  it('finds columns by name in any case and order, keeps Adj Close and OpenInterest, and sorts by date', () => {
    const text = 'VOLUME,date,close,HIGH,low,Open,adj_close,Open Interest\n20,2025-01-03,11,12,9,10,5.5,7\n10,2025-01-02,10,10.5,9.5,10,5,6\n';
    const bars = readBarsCsv(text, 'ACME');
    expect(bars.series.dates).toEqual(['2025-01-02', '2025-01-03']);
    expect(Array.from(bars.series.close)).toEqual([10, 11]);
    expect(Array.from(bars.series.volume)).toEqual([10, 20]);
    expect(Array.from(bars.adjClose!)).toEqual([5, 5.5]);
    expect(Array.from(bars.openInterest!)).toEqual([6, 7]);
  });

  it('names the line and column of a bad cell, a missing column and a repeated date', () => {
    expect(() => readBarsCsv('Date,Open,High,Low,Close\n', 'X', 'f.csv')).toThrow('f.csv:1: missing column(s) volume');
    expect(() => readBarsCsv('Date,Open,High,Low,Close,Volume\n2025-01-02,1,1,1,null,5\n', 'X', 'f.csv')).toThrow('f.csv:2: column close: "null" is not a number > 0');
    expect(() => readBarsCsv('Date,Open,High,Low,Close,Volume\n2025-01-03,1,1,1,1,5\n2025-01-03,1,1,1,1,5\n', 'X', 'f.csv')).toThrow(/f.csv:3: date 2025-01-03 repeats line 2/);
  });
});

describe('adjustBars', () => {
  it('scales open, high and low by Adj Close / Close and rounds when asked', () => {
    const bars = readBarsCsv('Date,Open,High,Low,Close,Adj Close,Volume\n2025-01-02,30,33,27,30,10.123456,100\n', 'ACME');
    const exact = adjustBars(bars);
    expect(exact.open[0]).toBeCloseTo(10.123456, 12);
    expect(exact.high[0]).toBeCloseTo(33 * (10.123456 / 30), 12);
    const rounded = adjustBars(bars, 2);
    expect([rounded.open[0], rounded.high[0], rounded.low[0], rounded.close[0]]).toEqual([10.12, 11.14, 9.11, 10.12]);
    expect(() => adjustBars(readBarsCsv('Date,Open,High,Low,Close,Volume\n2025-01-02,1,1,1,1,5\n', 'X'))).toThrow(/--adjust needs an Adj Close column/);
  });
});
