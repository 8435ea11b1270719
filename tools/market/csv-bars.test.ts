import { describe, expect, it } from 'vitest';
import { parseBarCsv, parseColumnMap } from './csv-bars.ts';

describe('parseBarCsv', () => {
  it('reads Stooq downloads (YYYY-MM-DD) and bulk files (<DATE> as YYYYMMDD, <VOL>)', () => {
    const download = parseBarCsv('Date,Open,High,Low,Close,Volume\n2025-01-02,10,11,9.5,10.5,1000\n', { format: 'stooq' });
    expect(download.candidates).toEqual([{ index: 0, line: 2, date: '2025-01-02', open: 10, high: 11, low: 9.5, close: 10.5, volume: 1000 }]);
    const bulk = parseBarCsv('<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\nAAPL.US,D,20250103,000000,10,11,9,10.5,2000,0\n', { format: 'stooq' });
    expect(bulk.candidates[0]).toMatchObject({ date: '2025-01-03', close: 10.5, volume: 2000 });
    expect(bulk.columns).toMatchObject({ date: '<DATE>', volume: '<VOL>' });
  });

  it('maps generic columns by name, with quotes, and reads Adj Close', () => {
    const text = 'Day,Last,First,Top,Bottom,Shares,Adjusted\n"20250102",10.5,10,11,9.5,1000,10.4\n';
    const parsed = parseBarCsv(text, { format: 'generic', columns: parseColumnMap('date=Day,close=Last,open=First,high=Top,low=Bottom,volume=Shares,adjClose=Adjusted') });
    expect(parsed.candidates).toEqual([{ index: 0, line: 2, date: '2025-01-02', open: 10, high: 11, low: 9.5, close: 10.5, volume: 1000, adjClose: 10.4 }]);
  });

  it('reports each unreadable row with its line and keeps reading', () => {
    const parsed = parseBarCsv('Date,Open,High,Low,Close,Volume\n2025-01-02,10,11,9,10,5\n2025-01-03,ten,11,9,10,5\n\n2025-13-01,10,11,9,10,5\n2025-01-07,10,11,9,10\n2025-01-08,10,11,9,10,5\n', { format: 'yahoo' });
    expect(parsed.rowsRead).toBe(6);
    expect(parsed.candidates.map((bar) => bar.line)).toEqual([2, 7]);
    expect(parsed.issues.map((issue) => [issue.line, issue.message])).toEqual([
      [3, 'line 3, column Open: "ten" is not valid (expected a number > 0)'],
      [4, 'line 4 is empty'],
      [5, 'line 5, column Date: "2025-13-01" is not valid (expected a date as YYYY-MM-DD)'],
      [6, 'line 6: expected 6 fields, found 5'],
    ]);
  });

  it('refuses a header without a mapped column and an unknown map field', () => {
    expect(() => parseBarCsv('Day,Close\n', { format: 'generic', columns: { date: 'Day' } })).toThrow(/line 1: missing column\(s\) Open, High, Low, Volume/);
    expect(() => parseColumnMap('price=Close')).toThrow(/field one of date, open, high, low, close, adjClose, volume/);
  });
});
