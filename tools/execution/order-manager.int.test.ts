import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counterIds, fixedClock, type Broker, type ExecutionStore, type OrderRequest } from '../../core/index.ts';
import { createExecutionStore, createPaperVenueStore, type Database } from '../../db/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../../test-support/databases.ts';
import { signApproval } from '../risk/index.ts';
import { checkBooks } from './books.ts';
import { createOrderManager, type OrderManager } from './order-manager.ts';
import { createPaperBroker, type PaperBroker, type VenueBar } from './paper-broker.ts';

const secrets = { risk: 'risk-key', critic: 'critic-key' };
const expiresAt = new Date('2025-06-02T14:35:00.000Z');
const market: OrderRequest = { clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: '10', type: 'market' };
const latest: VenueBar = { date: '2025-05-30', open: 99, high: 101, low: 98, close: 100, volume: 1_000_000 };
const nextBar = (fields: Partial<VenueBar>): VenueBar => ({ date: '2025-06-02', open: 100, high: 101, low: 99, close: 100, volume: 1_000_000, ...fields });

function approvals(request: OrderRequest) {
  return {
    threadId: 'thread_1',
    riskToken: signApproval({ secret: secrets.risk, kind: 'risk', order: request, expiresAt }),
    criticToken: signApproval({ secret: secrets.critic, kind: 'critic', order: request, expiresAt }),
  };
}

describe.each(testDatabaseKinds)('the order manager on %s', (kind) => {
  let db: Database;
  let store: ExecutionStore;
  let paper: PaperBroker;
  let orders: OrderManager;
  let volume: number;
  let ids: ReturnType<typeof counterIds>;
  const clock = fixedClock('2025-06-02T14:30:00.000Z', 1000);
  const wire = (broker: Broker) => createOrderManager({ store, broker, clock, ids, approvalSecrets: secrets });
  const place = (request: OrderRequest) => orders.placeOrder(request, approvals(request));

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    store = createExecutionStore(db, { startingCash: '100000' });
    ids = counterIds();
    volume = latest.volume;
    paper = createPaperBroker({
      venue: createPaperVenueStore(db), latestBar: async (symbol) => (symbol === 'AAPL' ? { ...latest, volume } : null), clock,
      slippage: { kind: 'bps', bps: 0 }, commission: { kind: 'percent', rate: 0.001 }, participationCap: 0.1,
    });
    orders = wire(paper);
  });
  afterEach(async () => db?.close());

  it('stores, submits and books a filled market buy with its events, position and cash', async () => {
    const result = await place(market);
    expect(result).toMatchObject({ duplicate: false, order: { status: 'filled', filledQuantity: '10', averagePrice: '100', broker: 'paper', brokerOrderId: 'paper-co_1' } });
    expect(result.fills).toEqual([expect.objectContaining({ quantity: '10', price: '100', commission: '1', executionId: 'co_1:1' })]);
    const events = await store.listOrderEvents(result.order.id);
    expect(events.map((event) => [event.seq, event.fromStatus, event.toStatus, event.fillQuantity, event.fillPrice, event.commission])).toEqual([
      [1, null, 'new', null, null, null], [2, 'new', 'filled', '10', '100', '1'],
    ]);
    // 100000 − 10 × 100 − 1 commission
    expect(await store.getAccount()).toEqual({ cash: '98999', startingCash: '100000' });
    expect(await store.getPositions()).toEqual([expect.objectContaining({ symbol: 'AAPL', quantity: '10', averagePrice: '100' })]);
    expect((await checkBooks(store)).consistent).toBe(true);
  });

  it('returns the stored order for a repeated clientOrderId and refuses one with a different field', async () => {
    const first = await place(market);
    expect(await place({ ...market, quantity: '10.0' })).toEqual({ ...first, duplicate: true });
    expect(await paper.listOpenOrders()).toEqual([]);
    const changed: OrderRequest = { ...market, type: 'stop', stopPrice: '105' };
    await expect(place(changed)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/type "stop" vs stored "market", stopPrice "105" vs stored null/) });
    expect(await store.listOrders()).toHaveLength(1);
    expect((await store.getAccount()).cash).toBe('98999');
  });

  it('refuses invalid or mismatched approvals and writes nothing', async () => {
    await expect(orders.placeOrder(market, { ...approvals(market), riskToken: 'v1.garbage' })).rejects.toMatchObject({ code: 'approval_invalid' });
    const tokens = approvals(market);
    await expect(orders.placeOrder({ ...market, timeInForce: 'gtc' }, tokens)).rejects.toMatchObject({ code: 'approval_invalid', message: /^risk approval: .*does not match/ });
    expect(await store.listOrders()).toEqual([]);
    expect(await paper.getOrder('co_1')).toBeNull();
  });

  it('books partial fills under the volume cap until the order is filled', async () => {
    volume = 50;
    const request: OrderRequest = { ...market, quantity: '12', timeInForce: 'gtc' };
    const placed = await place(request);
    expect(placed.order).toMatchObject({ status: 'partially_filled', filledQuantity: '5' });
    await orders.applyVenueReports(await paper.processBar('AAPL', nextBar({ open: 102, volume: 50 })));
    const [last] = await orders.applyVenueReports(await paper.processBar('AAPL', nextBar({ date: '2025-06-03', open: 104, volume: 50 })));
    // (5 × 100 + 5 × 102 + 2 × 104) / 12 = 101.5
    expect(last.order).toMatchObject({ status: 'filled', filledQuantity: '12', averagePrice: '101.5' });
    expect((await store.listOrderEvents(placed.order.id)).map((event) => `${event.fromStatus}->${event.toStatus}:${event.fillQuantity}`)).toEqual([
      'null->new:null', 'new->partially_filled:5', 'partially_filled->partially_filled:5', 'partially_filled->filled:2',
    ]);
    // 100000 − 1218 − 1.22 commission (0.50 + 0.51 + 0.208 rounded to 0.21)
    expect((await store.getAccount()).cash).toBe('98780.78');
    expect((await checkBooks(store)).consistent).toBe(true);
    // Applying the same reports again books nothing twice.
    await orders.applyVenueReports([(await paper.getOrder('co_1'))!]);
    expect(await store.listFills()).toHaveLength(3);
  });

  it('rests a limit order as accepted, cancels it once, and refuses a second cancel', async () => {
    const placed = await place({ ...market, type: 'limit', limitPrice: '90' });
    expect(placed.order.status).toBe('accepted');
    const cancelled = await orders.cancelOrder(placed.order.id, 'changed my mind');
    expect(cancelled.order).toMatchObject({ status: 'cancelled', rejectReason: 'changed my mind' });
    expect(await paper.getOrder('co_1')).toMatchObject({ status: 'cancelled' });
    await expect(orders.cancelOrder('co_1', 'again')).rejects.toMatchObject({ code: 'invalid_transition', message: /is cancelled: only new, accepted, partially_filled orders can be cancelled/ });
    expect((await store.listOrderEvents(placed.order.id)).map((event) => event.toStatus)).toEqual(['new', 'accepted', 'cancelled']);
  });

  it('cancels every open order for the kill switch and leaves filled ones alone', async () => {
    await place(market);
    await place({ ...market, clientOrderId: 'co_2', type: 'limit', limitPrice: '90' });
    await place({ ...market, clientOrderId: 'co_3', side: 'sell', type: 'stop', stopPrice: '80', timeInForce: 'gtc' });
    const result = await orders.cancelOpenOrders('kill switch: daily loss limit');
    expect(result.failed).toEqual([]);
    expect(result.cancelled.map((order) => [order.clientOrderId, order.rejectReason])).toEqual([
      ['co_3', 'kill switch: daily loss limit'], ['co_2', 'kill switch: daily loss limit'],
    ]);
    expect(await store.listOrders({ status: 'open' })).toEqual([]);
    expect(await paper.listOpenOrders()).toEqual([]);
  });

  it('expires day orders whose session has ended and keeps gtc orders', async () => {
    await place({ ...market, type: 'limit', limitPrice: '90' });
    await place({ ...market, clientOrderId: 'co_2', type: 'limit', limitPrice: '90', timeInForce: 'gtc' });
    expect(await orders.expireDayOrders(new Date('2025-06-02T19:59:59.000Z'))).toEqual([]);
    const expired = await orders.expireDayOrders(new Date('2025-06-02T20:00:00.000Z'));
    expect(expired.map((order) => [order.clientOrderId, order.status, order.rejectReason])).toEqual([['co_1', 'expired', 'day order expired at the session end 2025-06-02T20:00:00.000Z']]);
    expect((await store.listOrders({ status: 'open' })).map((order) => order.clientOrderId)).toEqual(['co_2']);
  });

  it('books an order the broker never received as rejected when the broker fails', async () => {
    const failing = wire({ ...paper, name: 'paper', submit: async () => Promise.reject(new TypeError('socket closed')) });
    await expect(failing.placeOrder(market, approvals(market))).rejects.toMatchObject({ code: 'broker_rejected', message: 'broker paper failed: socket closed' });
    expect(await store.getOrderByClientId('co_1')).toMatchObject({ status: 'rejected', rejectReason: 'broker paper failed: socket closed' });
  });

  it('books what the broker did while the desk was away, and sends orders that never left', async () => {
    await place({ ...market, type: 'limit', limitPrice: '95', timeInForce: 'gtc' });
    // The venue fills the resting order, but nobody books it (a crash).
    await paper.processBar('AAPL', nextBar({ open: 96, low: 94 }));
    // An order stored but never sent (a crash between the two).
    const silent = wire({ ...paper, submit: async () => new Promise(() => {}) });
    void silent.placeOrder({ ...market, clientOrderId: 'co_2' }, approvals({ ...market, clientOrderId: 'co_2' }));
    await expect.poll(async () => store.getOrderByClientId('co_2')).not.toBeNull();
    const sync = await orders.syncWithBroker();
    expect(sync.updated.map((order) => [order.clientOrderId, order.status, order.averagePrice])).toEqual([['co_1', 'filled', '95']]);
    expect(sync.submitted.map((order) => [order.clientOrderId, order.status])).toEqual([['co_2', 'filled']]);
    expect(sync).toMatchObject({ missingAtBroker: [], unknownAtStore: [], positionDifferences: [] });
    expect((await checkBooks(store)).consistent).toBe(true);
  });
});
