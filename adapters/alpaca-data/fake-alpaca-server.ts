import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** A daily bar in Alpaca's wire form: t (RFC 3339), o, h, l, c, v, n, vw. */
export interface AlpacaWireBar {
  t: string;
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
  n?: number;
  vw?: number;
}

export interface FakeAlpacaServer {
  /** REST base URL (http://127.0.0.1:PORT). */
  url: string;
  /** Stream URL (ws://127.0.0.1:PORT/v2/iex). */
  streamUrl: string;
  /** REST request paths with query strings, in order. */
  requests: string[];
  /** Stream messages received from clients (parsed JSON), in order. */
  received: Array<Record<string, unknown>>;
  /** Answer the next `count` REST requests with this status. */
  failNext(status: number, count?: number): void;
  /** Send a message array to every authenticated stream client. */
  broadcast(messages: Array<Record<string, unknown>>): void;
  /** Drop every stream connection, as a network failure would. */
  dropConnections(): void;
  /** Stream connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * A local Alpaca market-data server. REST: `GET /v2/stocks/{symbol}/bars` with the
 * APCA-API-KEY-ID / APCA-API-SECRET-KEY headers (403 otherwise), `start`/`end` filters, `limit`
 * per page and `next_page_token` pagination. Stream at /v2/iex: `[{"T":"success","msg":"connected"}]`,
 * then `{"action":"auth","key","secret"}` → authenticated or `{"T":"error","code":402}`, then
 * `{"action":"subscribe","bars":[...],"quotes":[...]}` → a `subscription` message.
 */
export async function startFakeAlpacaServer(options: { keyId: string; secretKey: string; bars: Record<string, AlpacaWireBar[]> }): Promise<FakeAlpacaServer> {
  const requests: string[] = [];
  const received: Array<Record<string, unknown>> = [];
  const authenticated = new Set<WebSocket>();
  let failures = { status: 0, count: 0 };
  let accepted = 0;
  const http: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (failures.count > 0) {
      failures.count -= 1;
      return send(failures.status, { message: failures.status === 429 ? 'too many requests' : 'internal server error' });
    }
    if (request.headers['apca-api-key-id'] !== options.keyId || request.headers['apca-api-secret-key'] !== options.secretKey) return send(403, { message: 'forbidden' });
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const match = /^\/v2\/stocks\/([^/]+)\/bars$/.exec(url.pathname);
    if (!match) return send(404, { message: 'not found' });
    if (url.searchParams.get('timeframe') !== '1Day') return send(422, { message: 'invalid timeframe' });
    const symbol = decodeURIComponent(match[1]);
    const start = url.searchParams.get('start') ?? '0000';
    const end = url.searchParams.get('end') ?? '9999';
    const all = (options.bars[symbol] ?? []).filter((bar) => bar.t.slice(0, 10) >= start && bar.t.slice(0, 10) <= end);
    const limit = Number(url.searchParams.get('limit') ?? 1000);
    const token = url.searchParams.get('page_token');
    const offset = token ? Number(Buffer.from(token, 'base64').toString('utf8')) : 0;
    const page = all.slice(offset, offset + limit);
    const next = offset + limit < all.length ? Buffer.from(String(offset + limit)).toString('base64') : null;
    send(200, { bars: page.length > 0 ? page : null, symbol, next_page_token: next });
  });
  const sockets = new WebSocketServer({ server: http, path: '/v2/iex' });
  sockets.on('connection', (socket) => {
    accepted += 1;
    socket.send(JSON.stringify([{ T: 'success', msg: 'connected' }]));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      received.push(message);
      if (message.action === 'auth') {
        const ok = message.key === options.keyId && message.secret === options.secretKey;
        if (ok) authenticated.add(socket);
        socket.send(JSON.stringify([ok ? { T: 'success', msg: 'authenticated' } : { T: 'error', code: 402, msg: 'auth failed' }]));
      } else if (message.action === 'subscribe') {
        if (!authenticated.has(socket)) return socket.send(JSON.stringify([{ T: 'error', code: 401, msg: 'not authenticated' }]));
        socket.send(JSON.stringify([{ T: 'subscription', trades: [], quotes: message.quotes ?? [], bars: message.bars ?? [] }]));
      }
    });
    socket.on('close', () => authenticated.delete(socket));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    streamUrl: `ws://127.0.0.1:${port}/v2/iex`,
    requests,
    received,
    failNext: (status, count = 1) => { failures = { status, count }; },
    broadcast: (messages) => { for (const socket of authenticated) socket.send(JSON.stringify(messages)); },
    dropConnections: () => { for (const socket of sockets.clients) socket.terminate(); },
    connections: () => accepted,
    close: async () => {
      for (const socket of sockets.clients) socket.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
