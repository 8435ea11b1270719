import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCsvFileSource } from './source.ts';

describe('the CSV file source', () => {
  const root = mkdtempSync(join(tmpdir(), 'desk-csv-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'acme.csv'), 'Date,Open,High,Low,Close,Volume\n2025-01-03,11,12,10,11.5,10\n2025-01-02,10,11,9,abc,10\n2025-01-06,12,11,10,11,10\n');

  it('reads a file inside the data directory and orders errors by line before warnings', async () => {
    const { series, issues, rowsRead } = await createCsvFileSource({ path: 'acme.csv', format: 'yahoo' }, { root }).fetchBars('ACME', {});
    expect(rowsRead).toBe(3);
    expect(series.dates).toEqual(['2025-01-03']);
    expect(issues.map((issue) => issue.line)).toEqual([3, 4]);
    expect(issues[1].message).toBe('line 4, column High: "11" is not valid (below the open, close or low of the bar)');
  });

  it('refuses a path outside the data directory and names a missing file', async () => {
    expect(() => createCsvFileSource({ path: '../etc/passwd', format: 'generic' }, { root })).toThrow(/outside the data directory/);
    await expect(createCsvFileSource({ path: join(root, 'none.csv'), format: 'yahoo' }).fetchBars('ACME', {})).rejects.toMatchObject({ code: 'not_found' });
  });
});
