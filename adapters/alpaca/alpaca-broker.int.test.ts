import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Decimal, type DeskError } from '../../core/index.ts';
import type { VenueBroker, VenueOrderRequest } from '../../tools/broker-orders/index.ts';
import { alpacaOptionsFromEnv, createAlpacaBroker } from './broker.ts';
import { startFakeAlpaca, type FakeAlpaca } from './fake-alpaca-server.ts';

const keys = { keyId: 'PKTESTKEY', secretKey: 'test-secret-never-logged' };
const buyTen: VenueOrderRequest = { clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: Decimal.from('10'), type: 'market', timeInForce: 'day' };

async function failure(promise: Promise<unknown>): Promise<DeskError> {
  try {
    await promise;
  } catch (error) {
    return error as DeskError;
  }
  throw new Error('expected a failure');
}

describe('Alpaca broker against the fake Alpaca server', () => {
  let fake: FakeAlpaca;
  let broker: VenueBroker;

  beforeEach(async () => {
    fake = await startFakeAlpaca({ ...keys, prices: { AAPL: '187.43', MSFT: '410.5' }, cash: '100000', partialFills: { MSFT: '4' } });
    broker = createAlpacaBroker({ ...keys, baseUrl: fake.url, timeoutMs: 500 });
  });
  afterEach(() => fake.close());

  it('submits a market order with the key headers and Alpaca field names, and reads the fill exactly', async () => {
    const order = await broker.submitOrder(buyTen);
    expect(fake.requests[0]).toEqual({
      method: 'POST', path: '/v2/orders', authorized: true,
      body: { symbol: 'AAPL', qty: '10', side: 'buy', type: 'market', time_in_force: 'day', client_order_id: 'co_1' },
    });
    expect(order).toMatchObject({ clientOrderId: 'co_1', status: 'filled', brokerStatus: 'filled', brokerOrderId: '00000000-0000-4000-8000-000000000001' });
    expect([order.filledQuantity.toString(), order.averageFillPrice?.toString()]).toEqual(['10', '187.43']);
    const [position] = await broker.positions();
    expect([position.symbol, position.quantity.toString(), position.averageEntryPrice.toString()]).toEqual(['AAPL', '10', '187.43']);
    // 100000 − 10 × 187.43
    expect((await broker.account()).cash.toString()).toBe('98125.7');
  });

  it('refuses wrong keys as a config error that never shows the secret', async () => {
    const wrong = createAlpacaBroker({ keyId: keys.keyId, secretKey: 'other-secret', baseUrl: fake.url });
    const error = await failure(wrong.account());
    expect(error).toMatchObject({ code: 'config_error', message: 'alpaca refused the API keys (401 on GET /v2/account): check APCA_API_KEY_ID and APCA_API_SECRET_KEY' });
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('secret');
  });

  it('reads the keys from the environment and names what is missing', () => {
    expect(alpacaOptionsFromEnv({ APCA_API_KEY_ID: 'a', APCA_API_SECRET_KEY: 'b' })).toEqual({ keyId: 'a', secretKey: 'b', baseUrl: 'https://paper-api.alpaca.markets' });
    expect(() => alpacaOptionsFromEnv({ APCA_API_KEY_ID: 'a' })).toThrow(expect.objectContaining({ code: 'config_error', message: 'the Alpaca broker needs APCA_API_SECRET_KEY in the environment' }));
  });

  it('tracks a working limit order through a partial fill and a cancel', async () => {
    const limit = await broker.submitOrder({ ...buyTen, clientOrderId: 'co_lim', type: 'limit', limitPrice: Decimal.from('180') });
    expect([limit.status, limit.brokerStatus, limit.limitPrice?.toString()]).toEqual(['accepted', 'new', '180']);
    expect((await broker.listOpenOrders()).map((order) => order.clientOrderId)).toEqual(['co_lim']);
    fake.fill(limit.brokerOrderId, '3', '179.5');
    const partial = await broker.getOrder(limit.brokerOrderId);
    expect([partial.status, partial.filledQuantity.toString(), partial.averageFillPrice?.toString()]).toEqual(['partially_filled', '3', '179.5']);
    await broker.cancelOrder(limit.brokerOrderId);
    const cancelled = await broker.getOrderByClientId('co_lim');
    expect([cancelled?.status, cancelled?.filledQuantity.toString()]).toEqual(['cancelled', '3']);
    expect(await failure(broker.cancelOrder(limit.brokerOrderId))).toMatchObject({ code: 'broker_rejected', message: 'alpaca refused DELETE /v2/orders/00000000-0000-4000-8000-000000000001 (422 42210000): order is not cancelable (status canceled)' });
    expect(await broker.listOpenOrders()).toEqual([]);
    expect((await broker.listOrders({ status: 'closed' })).map((order) => order.clientOrderId)).toEqual(['co_lim']);
  });

  it('reports a partial fill at submission', async () => {
    const order = await broker.submitOrder({ ...buyTen, symbol: 'MSFT' });
    expect([order.status, order.filledQuantity.toString(), order.quantity.toString()]).toEqual(['partially_filled', '4', '10']);
  });

  it('returns the existing order when a client order id is submitted again, and a conflict when its fields differ', async () => {
    const first = await broker.submitOrder(buyTen);
    const again = await broker.submitOrder({ ...buyTen, quantity: Decimal.from('10.00') });
    expect(again.brokerOrderId).toBe(first.brokerOrderId);
    expect(fake.book.orders.size).toBe(1);
    expect(await failure(broker.submitOrder({ ...buyTen, quantity: Decimal.from('11') }))).toMatchObject({
      code: 'conflict', message: `clientOrderId co_1 is already used at alpaca by order ${first.brokerOrderId} with different quantity`,
    });
  });

  it('turns Alpaca refusals into broker_rejected errors with its code and message', async () => {
    expect(await failure(broker.submitOrder({ ...buyTen, quantity: Decimal.from('1000') }))).toMatchObject({
      code: 'broker_rejected', message: 'alpaca refused POST /v2/orders (403 40310000): insufficient buying power', details: { status: 403, alpacaCode: 40310000, retryable: false },
    });
    expect(await failure(broker.submitOrder({ ...buyTen, symbol: 'ZZZZ' }))).toMatchObject({ code: 'broker_rejected', message: 'alpaca refused POST /v2/orders (422 40010001): asset "ZZZZ" not found' });
  });

  it('answers not found for unknown orders', async () => {
    expect(await broker.getOrderByClientId('nope')).toBeNull();
    expect(await failure(broker.getOrder('missing-id'))).toMatchObject({ code: 'not_found' });
  });

  it('marks rate limits, server errors, timeouts and dropped responses as retryable broker_unavailable', async () => {
    fake.inject({ route: 'GET /v2/account', kind: 'status', status: 429, message: 'rate limit exceeded', headers: { 'retry-after': '2' } });
    expect(await failure(broker.account())).toMatchObject({ code: 'broker_unavailable', details: { status: 429, retryable: true, retryAfterMs: 2000, kind: 'rate_limited' } });
    fake.inject({ route: 'GET /v2/positions', kind: 'status', status: 503, message: 'service unavailable' });
    expect(await failure(broker.positions())).toMatchObject({ code: 'broker_unavailable', message: 'alpaca GET /v2/positions failed with 503: service unavailable' });
    fake.inject({ route: 'GET /v2/account', kind: 'delay', ms: 800 });
    expect(await failure(broker.account())).toMatchObject({ code: 'broker_unavailable', message: 'alpaca GET /v2/account timed out after 500 ms', details: { kind: 'timeout' } });
    fake.inject({ route: 'POST /v2/orders', kind: 'drop' });
    expect(await failure(broker.submitOrder(buyTen))).toMatchObject({ code: 'broker_unavailable', details: { kind: 'network', retryable: true } });
    // The venue accepted the order even though the answer was lost.
    expect((await broker.getOrderByClientId('co_1'))?.status).toBe('filled');
  });
});
