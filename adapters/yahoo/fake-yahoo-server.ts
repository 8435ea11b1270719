import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One daily bar as the fake serves it; null fields are sent as JSON null, as Yahoo does. */
export interface FakeYahooBar {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  adjClose?: number | null;
  volume: number | null;
}

export interface FakeYahooServer {
  url: string;
  /** Request paths with query strings, in order. */
  requests: string[];
  /** Answer the next `count` requests with this HTTP status (e.g. 503, 429, 404). */
  failNext(status: number, count?: number): void;
  close(): Promise<void>;
}

/**
 * A local HTTP server speaking Yahoo's chart API (`GET /v8/finance/chart/{symbol}?period1&period2&interval=1d`):
 * the JSON of `{ chart: { result: [{ meta, timestamp, indicators: { quote, adjclose } }], error } }`,
 * timestamps at 14:30 UTC of each date, bars filtered to [period1, period2). Unknown symbols get
 * Yahoo's 404 body `{ chart: { result: null, error: { code: 'Not Found', ... } } }`.
 */
export async function startFakeYahooServer(barsBySymbol: Record<string, FakeYahooBar[]>): Promise<FakeYahooServer> {
  const requests: string[] = [];
  let failures: { status: number; count: number } = { status: 0, count: 0 };
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (failures.count > 0) {
      failures.count -= 1;
      // Yahoo's throttling and outage pages are plain text, not chart JSON.
      response.writeHead(failures.status, { 'content-type': 'text/plain' });
      return response.end(failures.status === 429 ? 'Too Many Requests' : 'Service Unavailable');
    }
    const match = /^\/v8\/finance\/chart\/([^/]+)$/.exec(url.pathname);
    const bars = match ? barsBySymbol[decodeURIComponent(match[1])] : undefined;
    if (!match || !bars) return send(404, { chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } });
    const from = Number(url.searchParams.get('period1')) * 1000;
    const to = Number(url.searchParams.get('period2')) * 1000;
    const selected = bars.filter((bar) => Date.parse(`${bar.date}T00:00:00Z`) >= from && Date.parse(`${bar.date}T00:00:00Z`) < to);
    send(200, chartBody(decodeURIComponent(match[1]), selected));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (status, count = 1) => { failures = { status, count }; },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function chartBody(symbol: string, bars: FakeYahooBar[]): unknown {
  const timestamp = bars.map((bar) => Date.parse(`${bar.date}T14:30:00Z`) / 1000);
  const last = bars[bars.length - 1];
  const meta = {
    currency: 'USD', symbol, exchangeName: 'NMS', instrumentType: 'EQUITY', firstTradeDate: 345479400,
    regularMarketTime: timestamp[timestamp.length - 1] ?? 0, gmtoffset: -18000, timezone: 'EST',
    exchangeTimezoneName: 'America/New_York', regularMarketPrice: last?.close ?? 0, priceHint: 2,
    currentTradingPeriod: {
      pre: { timezone: 'EST', start: 0, end: 0, gmtoffset: -18000 },
      regular: { timezone: 'EST', start: 0, end: 0, gmtoffset: -18000 },
      post: { timezone: 'EST', start: 0, end: 0, gmtoffset: -18000 },
    },
    dataGranularity: '1d', range: '', validRanges: ['1d', '5d', '1mo', '1y', 'max'],
  };
  const column = (field: keyof FakeYahooBar) => bars.map((bar) => bar[field] ?? null);
  return {
    chart: {
      result: [{
        meta,
        ...(bars.length > 0 ? { timestamp } : {}),
        indicators: bars.length > 0
          ? { quote: [{ open: column('open'), high: column('high'), low: column('low'), close: column('close'), volume: column('volume') }], adjclose: [{ adjclose: column('adjClose') }] }
          : { quote: [{}] },
      }],
      error: null,
    },
  };
}
