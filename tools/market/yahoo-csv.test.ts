import { describe, expect, it } from 'vitest';
import { DeskError } from '../../core/index.ts';
import { parseYahooCsv } from './yahoo-csv.ts';

const HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';

function parseError(text: string): DeskError {
  try {
    parseYahooCsv(text, 'ACME');
  } catch (error) {
    if (error instanceof DeskError) return error;
    throw error;
  }
  throw new DeskError('invalid_input', 'expected parseYahooCsv to fail');
}

describe('parseYahooCsv', () => {
  it('reads the standard Yahoo layout', () => {
    const series = parseYahooCsv(`${HEADER}\n2025-01-02,10,11,9.5,10.5,10.4,1000\n2025-01-03,10.5,11.2,10.1,11,10.9,1500\n`, 'acme');
    expect(series.symbol).toBe('ACME');
    expect(series.dates).toEqual(['2025-01-02', '2025-01-03']);
    expect(Array.from(series.open)).toEqual([10, 10.5]);
    expect(Array.from(series.high)).toEqual([11, 11.2]);
    expect(Array.from(series.low)).toEqual([9.5, 10.1]);
    expect(Array.from(series.close)).toEqual([10.5, 11]);
    expect(Array.from(series.volume)).toEqual([1000, 1500]);
  });

  it('finds columns by name in any order and case, without Adj Close', () => {
    const series = parseYahooCsv('volume,CLOSE,date,low,High,open\r\n1000,10.5,2025-01-02,9.5,11,10\r\n', 'ACME');
    expect(series.dates).toEqual(['2025-01-02']);
    expect([series.open[0], series.high[0], series.low[0], series.close[0], series.volume[0]]).toEqual([10, 11, 9.5, 10.5, 1000]);
  });

  it('sorts rows oldest first', () => {
    const series = parseYahooCsv(`${HEADER}\n2025-01-03,10.5,11.2,10.1,11,10.9,1500\n2025-01-02,10,11,9.5,10.5,10.4,1000`, 'ACME');
    expect(series.dates).toEqual(['2025-01-02', '2025-01-03']);
    expect(series.close[0]).toBe(10.5);
  });

  it('refuses a Yahoo "null" row, naming its line', () => {
    const error = parseError(`${HEADER}\n2025-01-02,10,11,9.5,10.5,10.4,1000\n2025-01-03,null,null,null,null,null,null\n`);
    expect(error.code).toBe('parse_error');
    expect(error.message).toMatch(/^line 3, column Open: "null"/);
  });

  it('names the line, column and value of a bad number', () => {
    const error = parseError(`${HEADER}\n2025-01-02,10,11,9.5,abc,10.4,1000\n`);
    expect(error.message).toMatch(/line 2, column Close: "abc" is not valid \(expected a number > 0\)/);
    expect(error.details).toMatchObject({ line: 2, column: 'Close', value: 'abc' });
  });

  it('refuses negative prices, a bad date and a high below the close', () => {
    expect(parseError(`${HEADER}\n2025-01-02,-10,11,9.5,10.5,10.4,1000`).message).toMatch(/line 2, column Open: "-10"/);
    expect(parseError(`${HEADER}\n02/01/2025,10,11,9.5,10.5,10.4,1000`).message).toMatch(/line 2, column Date: "02\/01\/2025"/);
    expect(parseError(`${HEADER}\n2025-01-02,10,10.2,9.5,10.5,10.4,1000`).message).toMatch(/line 2, column High: "10.2".*below the open, close or low/);
  });

  it('refuses duplicate dates, naming both lines', () => {
    const error = parseError(`${HEADER}\n2025-01-02,10,11,9.5,10.5,10.4,1000\n2025-01-02,10,11,9.5,10.5,10.4,1000\n`);
    expect(error.message).toMatch(/line 3, column Date: "2025-01-02".*same date is on line 2/);
  });

  it('refuses a row with missing fields and an empty line in the middle', () => {
    expect(parseError(`${HEADER}\n2025-01-02,10,11,9.5,10.5,1000\n`).message).toMatch(/line 2: expected 7 fields, found 6/);
    expect(parseError(`${HEADER}\n\n2025-01-02,10,11,9.5,10.5,10.4,1000\n`).message).toMatch(/line 2 is empty/);
  });

  it('refuses a header without a required column and a file without rows', () => {
    expect(parseError('Date,Open,High,Low,Adj Close,Volume\n').message).toMatch(/missing column\(s\) Close/);
    expect(parseError(`${HEADER}\n`).message).toMatch(/header but no rows/);
  });
});
