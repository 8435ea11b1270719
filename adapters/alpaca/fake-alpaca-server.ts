import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Decimal } from '../../core/index.ts';
import { FakeAlpacaBook, isOpenFakeOrder, type FakeOrder } from './fake-alpaca-book.ts';

/**
 * A fault the fake applies to the next `times` (default 1) requests matching `route`
 * ("POST /v2/orders", "GET /v2/orders:by_client_order_id", or a prefix such as "GET /v2/orders"):
 * - status: answer with this status, Alpaca's error body, and headers (e.g. Retry-After);
 * - delay: wait `ms` before handling (a client with a shorter timeout gives up first);
 * - drop: handle the request (an order is accepted) and then destroy the socket unanswered.
 */
export type FakeAlpacaFault = { route: string; times?: number } & (
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
);

export interface FakeAlpacaOptions {
  keyId: string;
  secretKey: string;
  /** Price at which market orders fill, and against which limits are marketable. */
  prices: Record<string, string>;
  cash?: string;
  /** Market orders in these symbols fill only this much at submission (a partial fill). */
  partialFills?: Record<string, string>;
  now?: () => Date;
}

export interface FakeAlpacaRequest { method: string; path: string; authorized: boolean; body: unknown }

export interface FakeAlpaca {
  url: string;
  requests: FakeAlpacaRequest[];
  book: FakeAlpacaBook;
  inject(fault: FakeAlpacaFault): void;
  setPrice(symbol: string, price: string): void;
  /** A later execution of a working order (by broker id). */
  fill(orderId: string, quantity: string, price: string): void;
  /** Put an order into a final state as the venue would (expired, rejected, canceled, done_for_day). */
  setStatus(orderId: string, status: 'expired' | 'rejected' | 'canceled' | 'done_for_day'): void;
  close(): Promise<void>;
}

/**
 * A local Alpaca Trading API v2 on 127.0.0.1: key headers checked (401 otherwise), orders kept in
 * memory, market orders filled at the configured price, marketable limits filled, others left
 * working; faults injected per route.
 *
 * @example
 * const fake = await startFakeAlpaca({ keyId: 'k', secretKey: 's', prices: { AAPL: '187.43' } });
 * const broker = createAlpacaBroker({ keyId: 'k', secretKey: 's', baseUrl: fake.url });
 */
export async function startFakeAlpaca(options: FakeAlpacaOptions): Promise<FakeAlpaca> {
  const book = new FakeAlpacaBook(Decimal.from(options.cash ?? '100000'));
  const prices = new Map(Object.entries(options.prices).map(([symbol, price]) => [symbol, Decimal.from(price)]));
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const requests: FakeAlpacaRequest[] = [];
  const faults: Array<FakeAlpacaFault & { remaining: number }> = [];
  let sequence = 0;

  const server = createServer((incoming, outgoing) => {
    void handle(incoming, outgoing).catch((error: unknown) => send(outgoing, 500, { code: 50010000, message: `fake-alpaca failed: ${String(error)}` }));
  });

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', 'http://fake');
    const method = incoming.method ?? 'GET';
    const text = await readBody(incoming);
    const authorized = incoming.headers['apca-api-key-id'] === options.keyId && incoming.headers['apca-api-secret-key'] === options.secretKey;
    requests.push({ method, path: `${url.pathname}${url.search}`, authorized, body: text === '' ? undefined : safeJson(text) });
    if (!authorized) return send(outgoing, 401, { code: 40110000, message: 'request is not authorized' });
    const fault = takeFault(`${method} ${url.pathname}`);
    if (fault?.kind === 'status') return send(outgoing, fault.status, { code: fault.status * 100000 + 10000, message: fault.message ?? 'internal server error' }, fault.headers);
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
    const [status, body] = route(method, url, text === '' ? undefined : safeJson(text));
    if (fault?.kind === 'drop') return void outgoing.socket?.destroy();
    if (outgoing.destroyed) return;
    send(outgoing, status, body);
  }

  function takeFault(route: string): FakeAlpacaFault | undefined {
    const index = faults.findIndex((fault) => route.startsWith(fault.route));
    if (index < 0) return undefined;
    const fault = faults[index];
    if (--fault.remaining <= 0) faults.splice(index, 1);
    return fault;
  }

  function route(method: string, url: URL, body: unknown): [number, unknown] {
    const path = url.pathname;
    if (method === 'POST' && path === '/v2/orders') return submit(body);
    if (method === 'GET' && path === '/v2/orders') return [200, listOrders(url.searchParams)];
    if (method === 'GET' && path === '/v2/orders:by_client_order_id') {
      const order = book.byClientId.get(url.searchParams.get('client_order_id') ?? '');
      return order ? [200, book.toWire(order)] : [404, { code: 40410000, message: 'order not found' }];
    }
    const match = /^\/v2\/orders\/([^/]+)$/.exec(path);
    if (match && (method === 'GET' || method === 'DELETE')) {
      const order = book.orders.get(decodeURIComponent(match[1]));
      if (!order) return [404, { code: 40410000, message: 'order not found' }];
      if (method === 'GET') return [200, book.toWire(order)];
      if (!isOpenFakeOrder(order)) return [422, { code: 42210000, message: `order is not cancelable (status ${order.status})` }];
      Object.assign(order, { status: 'canceled', canceledAt: now(), updatedAt: now() });
      return [204, undefined];
    }
    if (method === 'GET' && path === '/v2/positions') return [200, book.positionsWire(prices)];
    if (method === 'GET' && path === '/v2/account') return [200, book.accountWire(prices)];
    return [404, { code: 40410000, message: `fake-alpaca does not serve ${method} ${path}` }];
  }

  function submit(body: unknown): [number, unknown] {
    const fields = (body ?? {}) as Record<string, unknown>;
    const problem = validateSubmission(fields);
    if (problem) return [422, { code: 40010001, message: problem }];
    const clientOrderId = typeof fields.client_order_id === 'string' ? fields.client_order_id : `fake-${sequence + 1}`;
    if (book.byClientId.has(clientOrderId)) return [422, { code: 40010001, message: 'client_order_id must be unique' }];
    const symbol = String(fields.symbol).toUpperCase();
    const market = prices.get(symbol);
    if (market === undefined) return [422, { code: 40010001, message: `asset "${symbol}" not found` }];
    const quantity = Decimal.from(String(fields.qty));
    const limitPrice = fields.limit_price === undefined ? null : Decimal.from(String(fields.limit_price));
    if (fields.side === 'buy' && quantity.mul(limitPrice ?? market).gt(book.cash)) return [403, { code: 40310000, message: 'insufficient buying power' }];
    const stamp = now();
    sequence += 1;
    const order: FakeOrder = {
      id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`, clientOrderId, symbol, side: fields.side as 'buy' | 'sell',
      type: fields.type as FakeOrder['type'], timeInForce: String(fields.time_in_force), quantity, limitPrice,
      stopPrice: fields.stop_price === undefined ? null : Decimal.from(String(fields.stop_price)),
      filledQuantity: Decimal.ZERO, filledValue: Decimal.ZERO, status: 'accepted', createdAt: stamp, updatedAt: stamp, filledAt: null, canceledAt: null,
    };
    book.add(order);
    const marketable = order.type === 'market' || (order.type === 'limit' && limitPrice !== null && (order.side === 'buy' ? market.lte(limitPrice) : market.gte(limitPrice)));
    if (marketable) {
      const partial = options.partialFills?.[symbol];
      const quantityNow = partial === undefined ? quantity : Decimal.from(partial);
      book.fill(order, quantityNow.lt(quantity) ? quantityNow : quantity, order.type === 'market' ? market : (limitPrice as Decimal), stamp);
    } else {
      order.status = 'new';
    }
    return [200, book.toWire(order)];
  }

  function listOrders(query: URLSearchParams): unknown[] {
    const status = query.get('status') ?? 'open';
    const after = query.get('after');
    const limit = Math.min(Number(query.get('limit') ?? 50), 500);
    let orders = [...book.orders.values()].filter((order) => status === 'all' || (status === 'open') === isOpenFakeOrder(order));
    if (after !== null) orders = orders.filter((order) => order.createdAt > new Date(after).toISOString());
    if (query.get('direction') !== 'asc') orders.reverse();
    return orders.slice(0, limit).map((order) => book.toWire(order));
  }

  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const orderById = (orderId: string): FakeOrder => {
    const order = book.orders.get(orderId);
    if (!order) throw new RangeError(`fake-alpaca has no order ${orderId}`);
    return order;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    book,
    inject: (fault) => void faults.push({ ...fault, remaining: fault.times ?? 1 }),
    setPrice: (symbol, price) => void prices.set(symbol, Decimal.from(price)),
    fill: (orderId, quantity, price) => book.fill(orderById(orderId), Decimal.from(quantity), Decimal.from(price), now()),
    setStatus: (orderId, status) => void Object.assign(orderById(orderId), { status, updatedAt: now() }),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function validateSubmission(fields: Record<string, unknown>): string | null {
  if (typeof fields.symbol !== 'string' || fields.symbol === '') return 'symbol is required';
  if (typeof fields.qty !== 'string' || !/^\d+(\.\d{1,8})?$/.test(fields.qty) || Number(fields.qty) <= 0) return 'qty must be a positive decimal string';
  if (fields.side !== 'buy' && fields.side !== 'sell') return 'side must be buy or sell';
  if (!['market', 'limit', 'stop', 'stop_limit'].includes(String(fields.type))) return `invalid order type: ${String(fields.type)}`;
  if (!['day', 'gtc', 'opg', 'cls', 'ioc', 'fok'].includes(String(fields.time_in_force))) return `invalid time_in_force: ${String(fields.time_in_force)}`;
  if ((fields.type === 'limit' || fields.type === 'stop_limit') && fields.limit_price === undefined) return 'limit_price is required for limit orders';
  if ((fields.type === 'stop' || fields.type === 'stop_limit') && fields.stop_price === undefined) return 'stop_price is required for stop orders';
  return null;
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(outgoing: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (outgoing.headersSent || outgoing.destroyed) return;
  if (body === undefined) {
    outgoing.writeHead(status, headers);
    outgoing.end();
    return;
  }
  outgoing.writeHead(status, { 'content-type': 'application/json', ...headers });
  outgoing.end(JSON.stringify(body));
}
