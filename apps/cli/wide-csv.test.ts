import { describe, expect, it } from 'vitest';
import { parseWidePriceCsv } from './wide-csv.ts';

describe('parseWidePriceCsv', () => {
  it('reads a date column and one column per ticker, empty cells before listing', () => {
    const table = parseWidePriceCsv('date,aapl,MSFT\r\n2024-01-02,185.6,\r\n2024-01-03,184.2,370.9\r\n2024-01-04,181.9,367.8\r\n');
    expect(table).toEqual({ dates: ['2024-01-02', '2024-01-03', '2024-01-04'], tickers: ['AAPL', 'MSFT'], prices: [[185.6, null], [184.2, 370.9], [181.9, 367.8]] });
  });

  it.each([
    ['day,A\n2024-01-02,1\n2024-01-03,1\n2024-01-04,1', /prices:1: first column must be "date"/],
    ['date,A,A\n2024-01-02,1,1\n2024-01-03,1,1\n2024-01-04,1,1', /prices:1: ticker A appears twice/],
    ['date,A\n2024-01-02,1\n2024-01-03,abc\n2024-01-04,1', /prices:3: A price "abc" must be a number > 0 or empty/],
    ['date,A\n2024-01-02,1\n2024-01-03,0\n2024-01-04,1', /prices:3: A price "0"/],
    ['date,A,B\n2024-01-02,1,2\n2024-01-03,1\n2024-01-04,1,2', /prices:3: expected 3 cells/],
    ['date,A\n2024-01-02,1\n02/01/2024,1\n2024-01-04,1', /prices:3: date "02\/01\/2024" must be YYYY-MM-DD/],
    ['date,A\n2024-01-03,1\n2024-01-02,1\n2024-01-04,1', /prices:3: date 2024-01-02 must come after 2024-01-03/],
    ['date,A\n2024-01-02,1\n2024-01-03,1', /need at least 3 dated rows/],
  ])('refuses bad input with the line number: %s', (text, message) => {
    expect(() => parseWidePriceCsv(text)).toThrow(message);
  });
});
