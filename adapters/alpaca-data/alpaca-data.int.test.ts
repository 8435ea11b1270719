import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDeskError } from '../../core/index.ts';
import { alpacaCredentialsFromEnv, createAlpacaBarsSource } from './bars-source.ts';
import { startFakeAlpacaServer, type AlpacaWireBar, type FakeAlpacaServer } from './fake-alpaca-server.ts';
import { connectAlpacaStream, type LiveBar, type LiveQuote, type StreamStatus } from './stream.ts';

const KEYS = { keyId: 'PKTEST123', secretKey: 'secret-456' };
/** 25 weekdays of March 2025 at 04:00 UTC (midnight New York, daylight time). */
const BARS: AlpacaWireBar[] = Array.from({ length: 31 }, (_, day) => `2025-03-${String(day + 1).padStart(2, '0')}`)
  .filter((date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()))
  .map((date, index) => ({ t: `${date}T04:00:00Z`, o: 100 + index, h: 102 + index, l: 99 + index, c: 101 + index, v: 1000 + index, n: 10, vw: 100.5 + index }));

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (check() ? resolve() : setTimeout(poll, 5));
    poll();
  });
}

describe('Alpaca market data against a local server', () => {
  let server: FakeAlpacaServer;
  beforeAll(async () => { server = await startFakeAlpacaServer({ ...KEYS, bars: { AAPL: [...BARS.slice(0, 3), { ...BARS[3], h: 1 }, ...BARS.slice(4)] } }); });
  afterAll(async () => server.close());

  it('pages through /v2/stocks/{symbol}/bars with the key headers and reports a bad bar by date', async () => {
    const progress: number[] = [];
    const source = createAlpacaBarsSource({ ...KEYS, baseUrl: server.url, pageSize: 10 });
    const before = server.requests.length;
    const { series, issues, rowsRead } = await source.fetchBars('aapl', { from: '2025-03-01', to: '2025-03-31' }, { onProgress: (event) => progress.push(event.rows) });
    const requests = server.requests.slice(before);
    expect(requests).toHaveLength(3);
    expect(requests[0]).toBe('/v2/stocks/AAPL/bars?timeframe=1Day&start=2025-03-01&adjustment=raw&feed=iex&limit=10&end=2025-03-31');
    expect(requests[1]).toMatch(/&page_token=MTA%3D$/);
    expect(progress).toEqual([10, 20, 21]);
    expect(rowsRead).toBe(21);
    expect(series.dates).toHaveLength(20);
    expect(series.dates[0]).toBe('2025-03-03');
    expect(series.dates).not.toContain('2025-03-06');
    expect(issues).toEqual([{ severity: 'error', code: 'ohlc_inconsistent', index: 3, date: '2025-03-06', message: '2025-03-06 (row 3): high 1 is not valid (below the open, close or low of the bar)' }]);
  });

  it('refuses wrong keys without retry and marks 429 and 500 as retryable', async () => {
    const wrong = createAlpacaBarsSource({ keyId: 'PKTEST123', secretKey: 'nope', baseUrl: server.url });
    const refused = await wrong.fetchBars('AAPL', { from: '2025-03-01' }).catch((error: unknown) => error);
    expect(isDeskError(refused, 'provider_error') && refused.details).toMatchObject({ status: 403, retryable: false });
    const source = createAlpacaBarsSource({ ...KEYS, baseUrl: server.url });
    for (const status of [429, 500]) {
      server.failNext(status);
      const error = await source.fetchBars('AAPL', { from: '2025-03-01' }).catch((caught: unknown) => caught);
      expect(isDeskError(error, 'provider_error') && error.details).toMatchObject({ status, retryable: true });
    }
  });

  it('reads keys from APCA_API_KEY_ID and APCA_API_SECRET_KEY only when both are set', () => {
    expect(alpacaCredentialsFromEnv({ APCA_API_KEY_ID: 'a', APCA_API_SECRET_KEY: 'b' })).toEqual({ keyId: 'a', secretKey: 'b' });
    expect(alpacaCredentialsFromEnv({ APCA_API_KEY_ID: 'a' })).toBeNull();
  });

  it('streams bars and quotes after auth and subscribe, and resubscribes after a dropped connection', async () => {
    const bars: LiveBar[] = [];
    const quotes: LiveQuote[] = [];
    const statuses: StreamStatus[] = [];
    const stream = connectAlpacaStream({ ...KEYS, url: server.streamUrl, bars: ['AAPL'], quotes: ['MSFT'], onBar: (bar) => bars.push(bar), onQuote: (quote) => quotes.push(quote), onStatus: (status) => statuses.push(status), backoff: { initialMs: 20, maxMs: 100 } });
    await stream.ready;
    const connectionsBefore = server.connections();
    expect(server.received.slice(-2)).toEqual([{ action: 'auth', key: 'PKTEST123', secret: 'secret-456' }, { action: 'subscribe', bars: ['AAPL'], quotes: ['MSFT'] }]);
    server.broadcast([{ T: 'b', S: 'AAPL', o: 10, h: 11, l: 9, c: 10.5, v: 500, t: '2025-03-03T14:31:00Z', n: 5, vw: 10.2 }, { T: 'q', S: 'MSFT', bx: 'V', bp: 400.1, bs: 2, ax: 'V', ap: 400.3, as: 3, t: '2025-03-03T14:31:01Z', c: ['R'], z: 'C' }]);
    await until(() => bars.length === 1 && quotes.length === 1);
    expect(bars[0]).toEqual({ symbol: 'AAPL', time: '2025-03-03T14:31:00Z', open: 10, high: 11, low: 9, close: 10.5, volume: 500 });
    expect(quotes[0]).toEqual({ symbol: 'MSFT', time: '2025-03-03T14:31:01Z', bidPrice: 400.1, bidSize: 2, askPrice: 400.3, askSize: 3 });
    server.dropConnections();
    await until(() => statuses.filter((status) => status.state === 'subscribed').length === 2);
    expect(server.connections()).toBe(connectionsBefore + 1);
    expect(statuses).toContainEqual({ state: 'reconnecting', attempt: 1, delayMs: 20 });
    server.broadcast([{ T: 'b', S: 'AAPL', o: 11, h: 12, l: 10, c: 11.5, v: 600, t: '2025-03-03T14:32:00Z' }]);
    await until(() => bars.length === 2);
    stream.close();
    expect(statuses.at(-1)).toEqual({ state: 'closed' });
  });

  it('stops with state failed when the stream refuses the key', async () => {
    const statuses: StreamStatus[] = [];
    const stream = connectAlpacaStream({ keyId: 'PKTEST123', secretKey: 'wrong', url: server.streamUrl, bars: ['AAPL'], onStatus: (status) => statuses.push(status) });
    await expect(stream.ready).rejects.toThrow(/refused the credentials \(402 auth failed\)/);
    expect(statuses.some((status) => status.state === 'reconnecting')).toBe(false);
  });
});
