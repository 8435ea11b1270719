import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Decimal, isDeskError, type ExecutionStore, type Fill, type Order, type Position } from '../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import { createExecutionStore, type Database } from './index.ts';

const NOW = '2026-01-02T03:04:05.000Z';

function order(id: string, fields: Partial<Order> = {}): Order {
  return {
    id, clientOrderId: `co-${id}`, symbol: 'AAPL', side: 'buy', quantity: '10', type: 'market', limitPrice: null, status: 'new',
    filledQuantity: '0', averagePrice: null, rejectReason: null, threadId: 'thread-1', createdAt: NOW, updatedAt: NOW, ...fields,
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
    const fill: Fill = { id: 'fill-1', orderId: 'ord-1', symbol: 'AAPL', side: 'buy', quantity: '0.00000001', price: '123456789012.12345678', commission: '0', filledAt: NOW };
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
});
