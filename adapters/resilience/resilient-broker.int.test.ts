import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Decimal, type Clock } from '../../core/index.ts';
import type { VenueOrderRequest } from '../../tools/broker-orders/index.ts';
import { createAlpacaBroker } from '../alpaca/broker.ts';
import { startFakeAlpaca, type FakeAlpaca } from '../alpaca/fake-alpaca-server.ts';
import { createCircuitBreaker } from './circuit-breaker.ts';
import { withResilience } from './resilient-broker.ts';

const keys = { keyId: 'PKTESTKEY', secretKey: 'test-secret' };
const buyTen: VenueOrderRequest = { clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: Decimal.from('10'), type: 'market', timeInForce: 'day' };
const policy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };

describe('resilient Alpaca broker against injected faults', () => {
  let fake: FakeAlpaca;
  let now: number;
  let sleeps: number[];
  const clock: Clock = { now: () => new Date(now) };

  function resilientBroker(options: { timeoutMs?: number; failureThreshold?: number } = {}) {
    const breaker = createCircuitBreaker({ name: 'alpaca', failureThreshold: options.failureThreshold ?? 5, coolDownMs: 30_000, clock });
    const alpaca = createAlpacaBroker({ ...keys, baseUrl: fake.url, timeoutMs: options.timeoutMs ?? 1000 });
    return { breaker, broker: withResilience(alpaca, { policy, breaker, sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 }) };
  }
  const calls = () => fake.requests.map((request) => `${request.method} ${request.path.split('?')[0]}`);

  beforeEach(async () => {
    fake = await startFakeAlpaca({ ...keys, prices: { AAPL: '187.43' } });
    now = Date.parse('2025-06-02T14:30:00.000Z');
    sleeps = [];
  });
  afterEach(() => fake.close());

  it('after a dropped answer, finds the accepted order by client order id instead of sending it again', async () => {
    const { broker } = resilientBroker();
    fake.inject({ route: 'POST /v2/orders', kind: 'drop' });
    const order = await broker.submitOrder(buyTen);
    expect([order.clientOrderId, order.status]).toEqual(['co_1', 'filled']);
    expect(calls()).toEqual(['POST /v2/orders', 'GET /v2/orders:by_client_order_id']);
    expect(fake.book.orders.size).toBe(1);
    expect(sleeps).toEqual([75]);
  });

  it('after a 500 that took nothing, looks up, finds nothing and submits once more', async () => {
    const { broker } = resilientBroker();
    fake.inject({ route: 'POST /v2/orders', kind: 'status', status: 500 });
    expect((await broker.submitOrder(buyTen)).status).toBe('filled');
    expect(calls()).toEqual(['POST /v2/orders', 'GET /v2/orders:by_client_order_id', 'POST /v2/orders']);
    expect(fake.book.orders.size).toBe(1);
  });

  it('keeps one order at the venue when a timed-out submission lands late', async () => {
    const { broker } = resilientBroker({ timeoutMs: 150 });
    fake.inject({ route: 'POST /v2/orders', kind: 'delay', ms: 400 });
    const order = await broker.submitOrder(buyTen);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.book.orders.size).toBe(1);
    expect(order.brokerOrderId).toBe([...fake.book.orders.keys()][0]);
  });

  it('never submits again while the lookup keeps failing, and gives up clearly', async () => {
    const { broker } = resilientBroker();
    fake.inject({ route: 'POST /v2/orders', kind: 'status', status: 503 });
    fake.inject({ route: 'GET /v2/orders:by_client_order_id', kind: 'status', status: 503, times: 5 });
    await expect(broker.submitOrder(buyTen)).rejects.toMatchObject({
      code: 'broker_unavailable', message: 'gave up after 3 attempts: alpaca GET /v2/orders:by_client_order_id failed with 503: internal server error',
    });
    expect(calls().filter((call) => call === 'POST /v2/orders')).toHaveLength(1);
    expect(sleeps).toEqual([75, 150]);
  });

  it('does not retry a refused submission', async () => {
    const { broker } = resilientBroker();
    await expect(broker.submitOrder({ ...buyTen, quantity: Decimal.from('100000') })).rejects.toMatchObject({ code: 'broker_rejected', message: /insufficient buying power/ });
    expect(calls()).toEqual(['POST /v2/orders']);
  });

  it('waits as long as Retry-After says on a 429', async () => {
    const { broker } = resilientBroker();
    fake.inject({ route: 'GET /v2/account', kind: 'status', status: 429, headers: { 'retry-after': '2' } });
    expect((await broker.account()).cash.toString()).toBe('100000');
    expect(sleeps).toEqual([2000]);
  });

  it('confirms a cancel whose first answer was lost', async () => {
    const { broker } = resilientBroker();
    const working = await broker.submitOrder({ ...buyTen, type: 'limit', limitPrice: Decimal.from('150') });
    fake.inject({ route: 'DELETE /v2/orders/', kind: 'drop' });
    await broker.cancelOrder(working.brokerOrderId);
    expect((await broker.getOrder(working.brokerOrderId)).status).toBe('cancelled');
    expect(calls().slice(1)).toEqual([`DELETE /v2/orders/${working.brokerOrderId}`, `DELETE /v2/orders/${working.brokerOrderId}`, `GET /v2/orders/${working.brokerOrderId}`, `GET /v2/orders/${working.brokerOrderId}`]);
  });

  it('opens the circuit after repeated failures, fails fast without calling Alpaca, and recovers after the cool-down', async () => {
    const { broker, breaker } = resilientBroker({ failureThreshold: 3 });
    fake.inject({ route: 'GET /v2/positions', kind: 'status', status: 503, times: 3 });
    await expect(broker.positions()).rejects.toMatchObject({ message: /^gave up after 3 attempts/ });
    expect(breaker.state()).toMatchObject({ state: 'open', retryAt: '2025-06-02T14:30:30.000Z' });
    const before = fake.requests.length;
    await expect(broker.positions()).rejects.toMatchObject({ code: 'broker_unavailable', details: { circuitOpen: true }, message: /calls fail fast until 2025-06-02T14:30:30.000Z/ });
    expect(fake.requests.length).toBe(before);
    now += 30_000;
    expect(await broker.positions()).toEqual([]);
    expect(breaker.state().state).toBe('closed');
  });
});
