import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Decimal, isDeskError, type ExecutionStore, type Fill, type Order, type Position } from '../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import { createExecutionStore, type Database } from './index.ts';

const NOW = '2026-01-02T03:04:05.000Z';

function order(id: string, fields: Partial<Order> = {}): Order {
  return {
    id, clientOrderId: `co-${id}`, symbol: 'AAPL', side: 'buy', quantity: '10', type: 'market', limitPrice: null, stopPrice: null, timeInForce: 'day', status: 'new',
    filledQuantity: '0', averagePrice: null, rejectReason: null, threadId: 'thread-1', broker: null, brokerOrderId: null, createdAt: NOW, updatedAt: NOW, ...fields,
  };
}

function position(symbol: string, quantity: string): Position {
  return { symbol, quantity, averagePrice: '101.25', realizedPnl: '0', updatedAt: NOW };
}

describe.each(testDatabaseKinds)('the execution store on %s', (kind) => {
  let db: Database;
  let store: ExecutionStore;
  beforeEach(async () => {
    db = await openTestDatabase(kind);
    store = createExecutionStore(db, { startingCash: '100000.00' });
  });
  afterEach(async () => db?.close());

  it('creates the account with the starting cash on first use', async () => {
    expect(await store.getAccount()).toEqual({ cash: '100000', startingCash: '100000' });
  });

  it('stores 0.1 + 0.2 as exactly 0.3 and reads decimals back exactly', async () => {
    const cash = Decimal.from('0.1').add(Decimal.from('0.2')).toString();
    await store.transaction(async (tx) => tx.saveAccount({ ...(await tx.getAccount()), cash }));
    expect((await store.getAccount()).cash).toBe('0.3');
    const fill: Fill = { id: 'fill-1', orderId: 'ord-1', symbol: 'AAPL', side: 'buy', quantity: '0.00000001', price: '123456789012.12345678', commission: '0', filledAt: NOW, executionId: 'x-1' };
    await store.transaction(async (tx) => {
      await tx.insertOrder(order('ord-1'));
      await tx.insertFill(fill);
    });
    expect(await store.listFills({ orderId: 'ord-1' })).toEqual([fill]);
    const sum = await db.pool.query("SELECT (cash + 0.1)::text AS total FROM account");
    expect(sum.rows[0].total).toBe('0.4');
  });

  it('rolls back every write of a transaction whose work throws', async () => {
    const failure = store.transaction(async (tx) => {
      await tx.insertOrder(order('ord-1'));
      await tx.savePosition(position('AAPL', '10'));
      await tx.saveAccount({ cash: '1', startingCash: '100000' });
      throw new Error('broker went away');
    });
    await expect(failure).rejects.toThrow('broker went away');
    expect(await store.getOrder('ord-1')).toBeNull();
    expect(await store.getPositions()).toEqual([]);
    expect((await store.getAccount()).cash).toBe('100000');
  });

  it('returns orders with ISO UTC timestamps and finds them by client order id', async () => {
    const stored = order('ord-1', { createdAt: '2026-01-02T03:04:05.123Z', limitPrice: '99.50', type: 'limit' });
    await store.transaction((tx) => tx.insertOrder(stored));
    expect(await store.getOrderByClientId('co-ord-1')).toEqual({ ...stored, limitPrice: '99.5' });
    const filled = { ...stored, status: 'filled' as const, filledQuantity: '10', averagePrice: '99.5', updatedAt: '2026-01-02T03:04:06.000Z' };
    await store.transaction((tx) => tx.updateOrder(filled));
    expect(await store.getOrder('ord-1')).toEqual({ ...filled, limitPrice: '99.5' });
  });

  it('refuses a second order with the same client order id as a conflict', async () => {
    await store.transaction((tx) => tx.insertOrder(order('ord-1')));
    const error = await store.transaction((tx) => tx.insertOrder(order('ord-2', { clientOrderId: 'co-ord-1' }))).catch((caught: unknown) => caught);
    expect(isDeskError(error, 'conflict')).toBe(true);
    expect(await store.listOrders()).toHaveLength(1);
  });

  it('lists orders newest first, optionally by thread', async () => {
    await store.transaction(async (tx) => {
      await tx.insertOrder(order('ord-1', { createdAt: '2026-01-01T00:00:00.000Z' }));
      await tx.insertOrder(order('ord-2', { createdAt: '2026-01-02T00:00:00.000Z', threadId: 'thread-2' }));
    });
    expect((await store.listOrders()).map((entry) => entry.id)).toEqual(['ord-2', 'ord-1']);
    expect((await store.listOrders({ threadId: 'thread-1' })).map((entry) => entry.id)).toEqual(['ord-1']);
    expect(await store.listOrders({ limit: 1 })).toHaveLength(1);
  });

  it('keeps positions by symbol and lists only the non-zero ones', async () => {
    await store.transaction(async (tx) => {
      await tx.savePosition(position('AAPL', '10'));
      await tx.savePosition(position('MSFT', '-2.5'));
      await tx.savePosition(position('TSLA', '5'));
      await tx.savePosition({ ...position('TSLA', '0'), realizedPnl: '12.34' });
    });
    expect(await store.getPositions()).toEqual([position('AAPL', '10'), position('MSFT', '-2.5')]);
    expect(await store.transaction((tx) => tx.getPosition('TSLA'))).toEqual({ ...position('TSLA', '0'), realizedPnl: '12.34' });
  });

  it('serialises concurrent transactions: 20 read-modify-write cash updates all count', async () => {
    await Promise.all(Array.from({ length: 20 }, () => store.transaction(async (tx) => {
      const account = await tx.getAccount();
      await tx.saveAccount({ ...account, cash: Decimal.from(account.cash).sub(Decimal.from('0.01')).toString() });
    })));
    expect((await store.getAccount()).cash).toBe('99999.8');
  });

  it('refuses a malformed decimal before writing', async () => {
    const error = await store.transaction((tx) => tx.insertOrder(order('ord-1', { quantity: '1e3' }))).catch((caught: unknown) => caught);
    expect(isDeskError(error, 'invalid_number')).toBe(true);
  });

  it('numbers order events per order and keeps them append-only', async () => {
    const appended = await store.transaction(async (tx) => {
      await tx.insertOrder(order('ord-1', { type: 'stop', stopPrice: '101.50', timeInForce: 'gtc' }));
      await tx.insertOrder(order('ord-2'));
      const first = await tx.appendOrderEvent({ orderId: 'ord-1', fromStatus: null, toStatus: 'new', fillId: null, fillQuantity: null, fillPrice: null, commission: null, reason: null, at: NOW });
      await tx.appendOrderEvent({ orderId: 'ord-2', fromStatus: null, toStatus: 'new', fillId: null, fillQuantity: null, fillPrice: null, commission: null, reason: null, at: NOW });
      const second = await tx.appendOrderEvent({ orderId: 'ord-1', fromStatus: 'new', toStatus: 'cancelled', fillId: null, fillQuantity: null, fillPrice: null, commission: null, reason: 'by user', at: NOW });
      return [first.seq, second.seq];
    });
    expect(appended).toEqual([1, 2]);
    expect((await store.listOrderEvents('ord-1')).map((event) => [event.seq, event.fromStatus, event.toStatus, event.reason])).toEqual([[1, null, 'new', null], [2, 'new', 'cancelled', 'by user']]);
    expect(await store.getOrder('ord-1')).toMatchObject({ type: 'stop', stopPrice: '101.5', timeInForce: 'gtc' });
    await expect(db.pool.query("UPDATE order_events SET reason = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(db.pool.query('DELETE FROM order_events')).rejects.toThrow(/append-only/);
  });

  it('filters orders by status (open = new, accepted, partially filled), symbol and creation time', async () => {
    await store.transaction(async (tx) => {
      await tx.insertOrder(order('ord-1', { createdAt: '2026-01-01T00:00:00.000Z', status: 'accepted' }));
      await tx.insertOrder(order('ord-2', { createdAt: '2026-01-02T00:00:00.000Z', status: 'filled', symbol: 'MSFT' }));
      await tx.insertOrder(order('ord-3', { createdAt: '2026-01-03T00:00:00.000Z', status: 'partially_filled', symbol: 'MSFT' }));
    });
    const ids = async (filter: Parameters<ExecutionStore['listOrders']>[0]) => (await store.listOrders(filter)).map((entry) => entry.id);
    expect(await ids({ status: 'open' })).toEqual(['ord-3', 'ord-1']);
    expect(await ids({ status: 'filled' })).toEqual(['ord-2']);
    expect(await ids({ symbol: 'msft' })).toEqual(['ord-3', 'ord-2']);
    expect(await ids({ from: '2026-01-02T00:00:00.000Z', to: '2026-01-03T00:00:00.000Z' })).toEqual(['ord-2']);
  });

  it('adjusts cash in one statement, creating the account on first use', async () => {
    expect(await store.transaction((tx) => tx.adjustCash('-1000.25'))).toBe('98999.75');
    expect(await store.transaction((tx) => tx.adjustCash('0.25'))).toBe('99000');
    expect(await store.getAccount()).toEqual({ cash: '99000', startingCash: '100000' });
  });
});
