import { beforeEach, describe, expect, it } from 'vitest';
import {
  counterIds, fixedClock, type Account, type Broker, type ExecutionStore, type ExecutionTransaction, type Fill, type Order, type OrderRequest, type Position,
} from '../../core/index.ts';
import { signApproval } from '../risk/index.ts';
import { createPaperBroker } from './paper-broker.ts';
import { placeOrder, type PlaceOrderDependencies } from './place-order.ts';

interface StoreState {
  orders: Order[];
  fills: Fill[];
  positions: Position[];
  account: Account;
}

/** ExecutionStore port in memory: a transaction works on a copy that replaces the state only on success. */
function createMemoryStore(startingCash: string): ExecutionStore & { state: () => StoreState } {
  let state: StoreState = { orders: [], fills: [], positions: [], account: { cash: startingCash, startingCash } };
  let queue: Promise<unknown> = Promise.resolve();
  const transactionOn = (draft: StoreState): ExecutionTransaction => ({
    getOrderByClientId: async (clientOrderId) => draft.orders.find((order) => order.clientOrderId === clientOrderId) ?? null,
    getPosition: async (symbol) => draft.positions.find((position) => position.symbol === symbol) ?? null,
    getAccount: async () => draft.account,
    insertOrder: async (order) => void draft.orders.push(order),
    updateOrder: async (order) => void (draft.orders = draft.orders.map((entry) => (entry.id === order.id ? order : entry))),
    insertFill: async (fill) => void draft.fills.push(fill),
    savePosition: async (position) => void (draft.positions = [...draft.positions.filter((entry) => entry.symbol !== position.symbol), position]),
    saveAccount: async (account) => void (draft.account = account),
  });
  return {
    state: () => state,
    getOrder: async (id) => state.orders.find((order) => order.id === id) ?? null,
    getOrderByClientId: async (clientOrderId) => state.orders.find((order) => order.clientOrderId === clientOrderId) ?? null,
    listOrders: async () => state.orders,
    listFills: async (filter) => state.fills.filter((fill) => filter?.orderId === undefined || fill.orderId === filter.orderId),
    getPositions: async () => state.positions.filter((position) => position.quantity !== '0'),
    getAccount: async () => state.account,
    transaction: <T>(work: (transaction: ExecutionTransaction) => Promise<T>): Promise<T> => {
      const run = queue.then(async () => {
        const draft = structuredClone(state);
        const result = await work(transactionOn(draft));
        state = draft;
        return result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

const secrets = { risk: 'risk-key', critic: 'critic-key' };
const expiresAt = new Date('2025-06-02T14:35:00.000Z');
const order: OrderRequest = { clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: '10', type: 'market' };

function tokensFor(request: OrderRequest) {
  return {
    threadId: 'thread_1',
    riskToken: signApproval({ secret: secrets.risk, kind: 'risk', order: request, expiresAt }),
    criticToken: signApproval({ secret: secrets.critic, kind: 'critic', order: request, expiresAt }),
  };
}

describe('placeOrder', () => {
  let store: ReturnType<typeof createMemoryStore>;
  let submissions: Order[];
  let deps: PlaceOrderDependencies;

  beforeEach(() => {
    store = createMemoryStore('100000');
    submissions = [];
    const paper = createPaperBroker({ prices: async (symbol) => (symbol === 'AAPL' ? { price: 100, date: '2025-05-30' } : null), slippageBps: 0, commissionRate: 0.001 });
    const broker: Broker = { name: 'recording', submit: async (submitted) => (submissions.push(submitted), paper.submit(submitted)) };
    deps = { store, broker, clock: fixedClock('2025-06-02T14:30:00.000Z', 1000), ids: counterIds(), approvalSecrets: secrets };
  });

  it('stores, submits and books a filled market buy', async () => {
    const result = await placeOrder(order, deps, tokensFor(order));
    expect(result.duplicate).toBe(false);
    expect(result.order).toMatchObject({
      id: 'ord_000001', clientOrderId: 'co_1', status: 'filled', filledQuantity: '10', averagePrice: '100', rejectReason: null,
      threadId: 'thread_1', createdAt: '2025-06-02T14:30:00.000Z', updatedAt: '2025-06-02T14:30:01.000Z',
    });
    expect(result.fills).toEqual([
      { id: 'fill_000001', orderId: 'ord_000001', symbol: 'AAPL', side: 'buy', quantity: '10', price: '100', commission: '1', filledAt: '2025-06-02T14:30:01.000Z' },
    ]);
    expect(submissions.map((submitted) => submitted.status)).toEqual(['new']);
    const state = store.state();
    expect(state.orders).toEqual([result.order]);
    expect(state.positions).toEqual([{ symbol: 'AAPL', quantity: '10', averagePrice: '100', realizedPnl: '0', updatedAt: '2025-06-02T14:30:01.000Z' }]);
    // 100000 − 10 × 100 − 1 commission
    expect(state.account.cash).toBe('98999');
  });

  it('adds the proceeds of a sell less commission to cash and realizes PnL', async () => {
    await placeOrder(order, deps, tokensFor(order));
    const sell: OrderRequest = { ...order, clientOrderId: 'co_2', side: 'sell', quantity: '4', type: 'limit', limitPrice: '99.5' };
    const result = await placeOrder(sell, deps, tokensFor(sell));
    expect(result.fills[0]).toMatchObject({ price: '100', commission: '0.4' });
    // 98999 + 4 × 100 − 0.40
    expect(store.state().account.cash).toBe('99398.6');
    expect(store.state().positions[0]).toMatchObject({ quantity: '6', averagePrice: '100', realizedPnl: '0' });
  });

  it('returns the stored order for a repeated clientOrderId without submitting again', async () => {
    const first = await placeOrder(order, deps, tokensFor(order));
    const again = await placeOrder({ ...order, quantity: '10.0' }, deps, tokensFor(order));
    expect(again).toEqual({ order: first.order, fills: first.fills, duplicate: true });
    expect(submissions).toHaveLength(1);
    expect(store.state().account.cash).toBe('98999');
  });

  it('refuses a repeated clientOrderId with different fields as a conflict', async () => {
    await placeOrder(order, deps, tokensFor(order));
    const changed = { ...order, quantity: '20' };
    await expect(placeOrder(changed, deps, tokensFor(changed))).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/quantity "20" vs stored "10"/) });
    expect(submissions).toHaveLength(1);
    expect(store.state().orders).toHaveLength(1);
  });

  it('refuses an invalid risk approval and writes nothing', async () => {
    const tokens = { ...tokensFor(order), riskToken: 'v1.garbage' };
    await expect(placeOrder(order, deps, tokens)).rejects.toMatchObject({ code: 'approval_invalid', message: expect.stringMatching(/^risk approval: token is malformed/) });
    expect(store.state().orders).toEqual([]);
    expect(submissions).toEqual([]);
  });

  it('refuses a critic approval forged from the risk token and writes nothing', async () => {
    const tokens = tokensFor(order);
    await expect(placeOrder(order, deps, { ...tokens, criticToken: tokens.riskToken })).rejects.toMatchObject({
      code: 'approval_invalid', message: expect.stringMatching(/^critic approval: .*does not match the order's fields/),
    });
    expect(store.state().orders).toEqual([]);
  });

  it('refuses approvals for a different order and expired approvals', async () => {
    await expect(placeOrder({ ...order, quantity: '11' }, deps, tokensFor(order))).rejects.toMatchObject({ code: 'approval_invalid' });
    const late = { ...deps, clock: fixedClock('2025-06-02T14:36:00.000Z') };
    await expect(placeOrder(order, late, tokensFor(order))).rejects.toMatchObject({ message: expect.stringMatching(/^risk approval: token expired/) });
    expect(store.state().orders).toEqual([]);
  });

  it('books a broker rejection on the order and leaves cash and positions alone', async () => {
    const unpriced = { ...order, symbol: 'ZZZZ' };
    const result = await placeOrder(unpriced, deps, tokensFor(unpriced));
    expect(result).toMatchObject({ duplicate: false, fills: [], order: { status: 'rejected', rejectReason: 'no market price for ZZZZ', filledQuantity: '0', averagePrice: null } });
    expect(store.state()).toMatchObject({ fills: [], positions: [], account: { cash: '100000' } });
  });

  it('marks the order rejected and raises broker_rejected when the broker fails', async () => {
    const failing: Broker = { name: 'flaky', submit: async () => Promise.reject(new TypeError('socket closed')) };
    await expect(placeOrder(order, { ...deps, broker: failing }, tokensFor(order))).rejects.toMatchObject({ code: 'broker_rejected', message: 'broker flaky failed: socket closed' });
    expect(store.state().orders[0]).toMatchObject({ status: 'rejected', rejectReason: 'broker flaky failed: socket closed' });
  });
});
