import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDeskError } from '../../core/index.ts';
import { startFakeYahooServer, type FakeYahooServer } from './fake-yahoo-server.ts';
import { createYahooSource } from './source.ts';

const ACME = [
  { date: '2025-06-02', open: 200, high: 204, low: 198, close: 202, adjClose: 101, volume: 1000 },
  { date: '2025-06-03', open: 202, high: 206, low: 201, close: 204, adjClose: 102, volume: 1100 },
  // A 2:1 split the adjusted closes account for: no warning expected.
  { date: '2025-06-04', open: 102, high: 104, low: 101, close: 103, adjClose: 103, volume: 2300 },
  { date: '2025-06-05', open: null, high: null, low: null, close: null, adjClose: null, volume: null },
  { date: '2025-06-06', open: 103, high: 102, low: 100, close: 101, adjClose: 101, volume: 1900 },
  { date: '2025-06-09', open: 101, high: 103, low: 100, close: 102, adjClose: 102, volume: 2000 },
];

describe('the Yahoo source against a local chart API', () => {
  let server: FakeYahooServer;
  beforeAll(async () => { server = await startFakeYahooServer({ ACME }); });
  afterAll(async () => server.close());

  it('reads daily bars through yahoo-finance2, reporting null and inconsistent rows by date and row', async () => {
    const progress: number[] = [];
    const { series, issues, rowsRead } = await createYahooSource({ baseUrl: server.url }).fetchBars('acme', { from: '2025-06-02', to: '2025-06-09' }, { onProgress: (event) => progress.push(event.rows) });
    expect(server.requests.at(-1)).toMatch(/^\/v8\/finance\/chart\/ACME\?.*interval=1d.*period1=1748822400&period2=1749513600$/);
    expect(rowsRead).toBe(6);
    expect(progress).toEqual([6]);
    expect(series.dates).toEqual(['2025-06-02', '2025-06-03', '2025-06-04', '2025-06-09']);
    expect(Array.from(series.close)).toEqual([202, 204, 103, 102]);
    expect(Array.from(series.adjClose!)).toEqual([101, 102, 103, 102]);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([
      { severity: 'error', code: 'non_finite', index: 3, date: '2025-06-05', message: '2025-06-05 (row 3): open NaN is not valid (expected a finite number)' },
      { severity: 'error', code: 'ohlc_inconsistent', index: 4, date: '2025-06-06', message: '2025-06-06 (row 4): high 102 is not valid (below the open, close or low of the bar)' },
    ]);
    expect(issues.some((issue) => issue.code === 'split_suspected')).toBe(false);
  });

  it('marks 503 and 429 as retryable and an unknown symbol as not', async () => {
    const yahoo = createYahooSource({ baseUrl: server.url });
    server.failNext(503);
    const outage = await yahoo.fetchBars('ACME', { from: '2025-06-02' }).catch((error: unknown) => error);
    expect(isDeskError(outage, 'provider_error') && outage.details).toMatchObject({ status: 503, retryable: true });
    server.failNext(429);
    const throttled = await yahoo.fetchBars('ACME', { from: '2025-06-02' }).catch((error: unknown) => error);
    expect(isDeskError(throttled, 'provider_error') && throttled.details).toMatchObject({ status: 429, retryable: true });
    const unknown = await yahoo.fetchBars('NOPE', { from: '2025-06-02' }).catch((error: unknown) => error);
    expect(isDeskError(unknown, 'provider_error') && unknown.details).toMatchObject({ retryable: false });
    expect((unknown as Error).message).toMatch(/NOPE: No data found/);
  });

  it('treats a refused connection as retryable and needs a start date', async () => {
    const down = createYahooSource({ baseUrl: 'http://127.0.0.1:1' });
    const error = await down.fetchBars('ACME', { from: '2025-06-02' }).catch((caught: unknown) => caught);
    expect(isDeskError(error, 'provider_error') && error.details.retryable).toBe(true);
    await expect(down.fetchBars('ACME', {})).rejects.toThrow(/yahoo needs range.from/);
  });
});
