import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/desk.js');

describe('desk data (child processes)', () => {
  const home = mkdtempSync(join(tmpdir(), 'desk-data-'));
  const env = { ...process.env, DESK_HOME: join(home, 'desk'), ANTHROPIC_API_KEY: '', DATABASE_URL: '', DESK_YAHOO: '', APCA_API_KEY_ID: '' };
  const desk = (...args: string[]) => run(process.execPath, [BIN, 'data', ...args], { env, timeout: 120_000 });
  const csv = join(home, 'acme.csv');
  writeFileSync(csv, 'Date,Open,High,Low,Close,Adj Close,Volume\n2025-12-01,10,11,9,10.5,10.5,100\n2025-12-02,10.5,10,9,10.2,10.2,100\n2025-12-03,10.2,11,10,10.8,10.8,100\n');
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('refuses a CSV with a bad row, printing its line, and exits 1', async () => {
    const failure = await desk('import', '--csv', csv, '--symbol', 'ACME').catch((error: { code: number; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    const stdout = (failure as { stdout: string }).stdout;
    expect(stdout).toContain('ACME from csv: refused · 3 rows read · inserted 0, updated 0, unchanged 0, skipped 0');
    expect(stdout).toContain('error   line 3, column High: "10" is not valid (below the open, close or low of the bar)');
  });

  it('imports the valid rows with --skip-invalid, and a second import inserts nothing', async () => {
    const first = JSON.parse((await desk('import', '--csv', csv, '--symbol', 'ACME', '--skip-invalid', '--json')).stdout);
    expect(first).toMatchObject({ status: 'imported', rowsRead: 3, skipped: 1, counts: { inserted: 2, updated: 0, unchanged: 0 } });
    expect(first.issues).toEqual([expect.objectContaining({ severity: 'error', line: 3, code: 'ohlc_inconsistent' })]);
    const second = await desk('import', '--csv', csv, '--symbol', 'ACME', '--skip-invalid');
    expect(second.stdout).toContain('ACME from csv: imported · 3 rows read · inserted 0, updated 0, unchanged 2, skipped 1');
  });

  it('reads Stooq and generic files, and reports quality per symbol', async () => {
    const stooq = join(home, 'stooq.csv');
    writeFileSync(stooq, '<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\nACME.US,D,20251204,000000,10.8,11,10.5,10.9,120,0\nACME.US,D,20251212,000000,10.9,11.2,10.7,11,130,0\n');
    expect((await desk('import', '--csv', stooq, '--symbol', 'ACME', '--format', 'stooq')).stdout).toContain('inserted 2, updated 0, unchanged 0');
    const generic = join(home, 'generic.csv');
    writeFileSync(generic, 'Day,O,H,L,C,Shares\n2025-12-15,11,11.5,10.8,11.2,140\n');
    expect((await desk('import', '--csv', generic, '--symbol', 'ACME', '--format', 'generic', '--map', 'date=Day,open=O,high=H,low=L,close=C,volume=Shares')).stdout).toContain('inserted 1');
    const report = JSON.parse((await desk('quality', 'ACME', '--json')).stdout);
    expect(report.symbols[0]).toMatchObject({ symbol: 'ACME', bars: 5, firstDate: '2025-12-01', lastDate: '2025-12-15', lastImport: { source: 'csv', status: 'imported' } });
    expect(report.symbols[0].issues.map((issue: { message: string }) => issue.message)).toContain('ACME: 5 weekdays missing between 2025-12-04 and 2025-12-12');
  });

  it('imports from the synthetic source and names unknown sources', async () => {
    expect((await desk('import', '--source', 'synthetic', '--symbol', 'NEWCO', '--from', '2025-12-01', '--to', '2025-12-05')).stdout).toContain('NEWCO from synthetic: imported · 5 rows read · inserted 5');
    await expect(desk('import', '--source', 'yahoo', '--symbol', 'AAPL')).rejects.toMatchObject({ stderr: expect.stringMatching(/--source must be one of synthetic here \(yahoo needs DESK_YAHOO=1/) });
  });
});
