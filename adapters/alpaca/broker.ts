import { DeskError, isDeskError } from '../../core/index.ts';
import { assertSameVenueOrder, type BrokerOrderListing, type BrokerOrderSnapshot, type VenueBroker, type VenueOrderRequest } from '../../tools/broker-orders/index.ts';
import { ALPACA_PAPER_URL, alpacaRequest, type AlpacaHttpOptions } from './http.ts';
import { orderRequestBody, toAccountSnapshot, toOrderSnapshot, toPositionSnapshot } from './wire.ts';

export interface AlpacaBrokerOptions {
  keyId: string;
  secretKey: string;
  /** Defaults to the paper endpoint, https://paper-api.alpaca.markets. */
  baseUrl?: string;
  /** Per-request timeout in ms (default 10,000). */
  timeoutMs?: number;
  now?: () => Date;
  fetch?: typeof fetch;
}

const PAGE_SIZE = 500;

/**
 * Read APCA_API_KEY_ID / APCA_API_SECRET_KEY (and optional APCA_API_BASE_URL) from the environment;
 * config_error naming the missing variable, never echoing a value.
 *
 * @example const broker = createAlpacaBroker(alpacaOptionsFromEnv(process.env));
 */
export function alpacaOptionsFromEnv(env: Record<string, string | undefined>): AlpacaBrokerOptions {
  const missing = ['APCA_API_KEY_ID', 'APCA_API_SECRET_KEY'].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new DeskError('config_error', `the Alpaca broker needs ${missing.join(' and ')} in the environment`, { missing });
  }
  return { keyId: env.APCA_API_KEY_ID as string, secretKey: env.APCA_API_SECRET_KEY as string, baseUrl: env.APCA_API_BASE_URL || ALPACA_PAPER_URL };
}

/**
 * The Alpaca Trading API v2 as a VenueBroker. A 422 "client_order_id must be unique" on submit
 * means the order is already there (a retry after a lost response): the existing order is
 * fetched and returned, or a conflict raised when its fields differ.
 *
 * @example
 * const alpaca = createAlpacaBroker({ keyId, secretKey });
 * const order = await alpaca.submitOrder({ clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: Decimal.from('10'), type: 'market', timeInForce: 'day' });
 */
export function createAlpacaBroker(options: AlpacaBrokerOptions): VenueBroker {
  const http: AlpacaHttpOptions = {
    baseUrl: (options.baseUrl ?? ALPACA_PAPER_URL).replace(/\/+$/, ''),
    keyId: options.keyId,
    secretKey: options.secretKey,
    timeoutMs: options.timeoutMs ?? 10_000,
    now: options.now ?? (() => new Date()),
    fetch: options.fetch ?? fetch,
  };
  const getOrderByClientId = async (clientOrderId: string): Promise<BrokerOrderSnapshot | null> => {
    const response = await alpacaRequest(http, 'GET', `/v2/orders:by_client_order_id?client_order_id=${encodeURIComponent(clientOrderId)}`);
    return response.status === 404 ? null : toOrderSnapshot(response.body);
  };
  const listOrders = async (listing: BrokerOrderListing & { direction?: 'asc' | 'desc' }): Promise<BrokerOrderSnapshot[]> => {
    const query = new URLSearchParams({ status: listing.status, limit: String(listing.limit ?? 50), nested: 'true', direction: listing.direction ?? 'desc' });
    if (listing.after !== undefined) query.set('after', listing.after);
    const response = await alpacaRequest(http, 'GET', `/v2/orders?${query}`);
    if (!Array.isArray(response.body)) throw new DeskError('parse_error', 'alpaca sent a non-array for GET /v2/orders', {});
    return response.body.map(toOrderSnapshot);
  };
  return {
    name: 'alpaca',
    submitOrder: async (request: VenueOrderRequest) => {
      const body = orderRequestBody(request);
      try {
        return toOrderSnapshot((await alpacaRequest(http, 'POST', '/v2/orders', body)).body);
      } catch (error) {
        if (!isDuplicateClientOrderId(error)) throw error;
        const existing = await getOrderByClientId(request.clientOrderId);
        if (existing === null) throw error;
        assertSameVenueOrder(existing, request, 'alpaca');
        return existing;
      }
    },
    cancelOrder: async (brokerOrderId) => {
      const response = await alpacaRequest(http, 'DELETE', `/v2/orders/${encodeURIComponent(brokerOrderId)}`);
      if (response.status === 404) throw new DeskError('not_found', `alpaca has no order ${brokerOrderId} to cancel`, { brokerOrderId });
    },
    getOrder: async (brokerOrderId) => {
      const response = await alpacaRequest(http, 'GET', `/v2/orders/${encodeURIComponent(brokerOrderId)}?nested=true`);
      if (response.status === 404) throw new DeskError('not_found', `alpaca has no order ${brokerOrderId}`, { brokerOrderId });
      return toOrderSnapshot(response.body);
    },
    getOrderByClientId,
    listOrders: (listing) => listOrders(listing),
    listOpenOrders: async () => {
      // Page oldest first by submission time; `after` is exclusive, so a repeat is dropped by id.
      const seen = new Map<string, BrokerOrderSnapshot>();
      let after: string | undefined;
      for (;;) {
        const page = await listOrders({ status: 'open', limit: PAGE_SIZE, direction: 'asc', after });
        const before = seen.size;
        for (const order of page) seen.set(order.brokerOrderId, order);
        if (page.length < PAGE_SIZE || seen.size === before) return [...seen.values()];
        after = page[page.length - 1].createdAt;
      }
    },
    positions: async () => {
      const response = await alpacaRequest(http, 'GET', '/v2/positions');
      if (!Array.isArray(response.body)) throw new DeskError('parse_error', 'alpaca sent a non-array for GET /v2/positions', {});
      return response.body.map(toPositionSnapshot);
    },
    account: async () => toAccountSnapshot((await alpacaRequest(http, 'GET', '/v2/account')).body),
  };
}

function isDuplicateClientOrderId(error: unknown): boolean {
  return isDeskError(error, 'broker_rejected') && error.details.status === 422 && /client_order_id must be unique/i.test(error.message);
}
