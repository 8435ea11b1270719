import type pg from 'pg';
import { DeskError, type Account, type ExecutionStore, type ExecutionTransaction, type Fill, type Order, type OrderEvent, type OrderFilter, type Position } from '../core/index.ts';
import type { Database } from './database.ts';
import {
  ACCOUNT_COLUMNS, EVENT_COLUMNS, FILL_COLUMNS, FILL_FIELDS, ORDER_COLUMNS, ORDER_FIELDS, POSITION_COLUMNS, POSITION_FIELDS,
  accountFromRow, eventFromRow, eventParams, fillFromRow, fillParams, orderFromRow, orderParams, positionFromRow, positionParams,
} from './execution-rows.ts';
import { LOCKS, decimalParam, decimalText, hasSqlState, inTransaction } from './sql.ts';

type Queryable = pg.Pool | pg.PoolClient;
const DEFAULT_LIST_LIMIT = 500;
const OPEN_STATUSES = ['new', 'accepted', 'partially_filled'];

/**
 * Orders, fills, positions and the account on `db`. The account row is created on first use
 * with `startingCash`. `transaction(work)` runs `work` in one database transaction holding a
 * transaction-scoped advisory lock, so executions (in any process) are serialised; an error
 * rolls everything back. Inside `work` use only the given transaction: on the embedded database
 * the pool has one connection, which the transaction holds.
 *
 * @example
 * const store = createExecutionStore(db, { startingCash: '100000' });
 * await store.transaction(async (tx) => { await tx.insertOrder(order); await tx.saveAccount(account); });
 */
export function createExecutionStore(db: Database, options: { startingCash: string }): ExecutionStore {
  const startingCash = decimalParam(options.startingCash, 'startingCash');
  return {
    getOrder: (id) => getOrder(db.pool, id),
    getOrderByClientId: (clientOrderId) => getOrderByClientId(db.pool, clientOrderId),
    listOrders: (filter = {}) => listOrders(db.pool, filter),
    listFills: (filter = {}) => listFills(db.pool, filter),
    listAllFills: async () => (await db.pool.query(`SELECT ${FILL_COLUMNS} FROM fills ORDER BY seq`)).rows.map(fillFromRow),
    listOrderEvents: async (orderId) =>
      (await db.pool.query(`SELECT ${EVENT_COLUMNS} FROM order_events WHERE order_id = $1 ORDER BY seq`, [orderId])).rows.map(eventFromRow),
    getPositions: async () => (await db.pool.query(`SELECT ${POSITION_COLUMNS} FROM positions WHERE quantity <> 0 ORDER BY symbol`)).rows.map(positionFromRow),
    getAccount: () => getAccount(db.pool, startingCash),
    transaction: (work) => inTransaction(db.pool, LOCKS.execution, (client) => work(transactionOn(client, startingCash))),
  };
}

function transactionOn(client: pg.PoolClient, startingCash: string): ExecutionTransaction {
  return {
    getOrderByClientId: (clientOrderId) => getOrderByClientId(client, clientOrderId),
    getOrder: (id) => getOrder(client, id),
    getPosition: async (symbol) => firstOrNull(await client.query(`SELECT ${POSITION_COLUMNS} FROM positions WHERE symbol = $1`, [symbol]), positionFromRow),
    getAccount: () => getAccount(client, startingCash),
    insertOrder: (order) => insertOrder(client, order),
    updateOrder: (order) => updateOrder(client, order),
    insertFill: async (fill: Fill) => {
      await client.query(`INSERT INTO fills (${FILL_FIELDS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, fillParams(fill));
    },
    appendOrderEvent: (event) => appendOrderEvent(client, event),
    listOrderFills: async (orderId) =>
      (await client.query(`SELECT ${FILL_COLUMNS} FROM fills WHERE order_id = $1 ORDER BY seq`, [orderId])).rows.map(fillFromRow),
    savePosition: async (position: Position) => {
      await client.query(
        `INSERT INTO positions (${POSITION_FIELDS}) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (symbol) DO UPDATE SET quantity = EXCLUDED.quantity, average_price = EXCLUDED.average_price,
           realized_pnl = EXCLUDED.realized_pnl, updated_at = EXCLUDED.updated_at`, positionParams(position));
    },
    saveAccount: (account) => saveAccount(client, account),
    adjustCash: async (delta) => {
      const result = await client.query(
        `INSERT INTO account (id, cash, starting_cash) VALUES (true, $2::numeric + $1::numeric, $2) ON CONFLICT (id) DO UPDATE SET cash = account.cash + $1::numeric, updated_at = now()
         RETURNING cash::text AS cash`, [decimalParam(delta, 'delta'), startingCash]);
      return decimalText(result.rows[0].cash);
    },
  };
}

async function getOrderByClientId(queryable: Queryable, clientOrderId: string): Promise<Order | null> {
  return firstOrNull(await queryable.query(`SELECT ${ORDER_COLUMNS} FROM orders WHERE client_order_id = $1`, [clientOrderId]), orderFromRow);
}

async function getOrder(queryable: Queryable, id: string): Promise<Order | null> {
  return firstOrNull(await queryable.query(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1`, [id]), orderFromRow);
}

async function listOrders(pool: pg.Pool, filter: OrderFilter): Promise<Order[]> {
  const statuses = filter.status === undefined ? null : filter.status === 'open' ? OPEN_STATUSES : [filter.status];
  const result = await pool.query(
    `SELECT ${ORDER_COLUMNS} FROM orders
     WHERE ($1::text IS NULL OR thread_id = $1) AND ($2::text IS NULL OR symbol = $2) AND ($3::text[] IS NULL OR status = ANY($3))
       AND ($4::timestamptz IS NULL OR created_at >= $4) AND ($5::timestamptz IS NULL OR created_at < $5)
     ORDER BY created_at DESC, id DESC LIMIT $6`,
    [filter.threadId ?? null, filter.symbol?.toUpperCase() ?? null, statuses, filter.from ?? null, filter.to ?? null, filter.limit ?? DEFAULT_LIST_LIMIT]);
  return result.rows.map(orderFromRow);
}

/** The event's seq is the order's last seq + 1, computed in the INSERT (the execution lock serialises writers). */
async function appendOrderEvent(client: pg.PoolClient, event: Omit<OrderEvent, 'seq'>): Promise<OrderEvent> {
  const result = await client.query(
    `INSERT INTO order_events (order_id, seq, from_status, to_status, fill_id, fill_quantity, fill_price, commission, reason, at)
     VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM order_events WHERE order_id = $1), $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING seq`, eventParams(event));
  return { ...event, seq: Number(result.rows[0].seq) };
}

async function listFills(pool: pg.Pool, filter: { orderId?: string; limit?: number }): Promise<Fill[]> {
  const result = await pool.query(
    `SELECT ${FILL_COLUMNS} FROM fills WHERE ($1::text IS NULL OR order_id = $1) ORDER BY seq DESC LIMIT $2`,
    [filter.orderId ?? null, filter.limit ?? DEFAULT_LIST_LIMIT]);
  return result.rows.map(fillFromRow);
}

async function insertOrder(client: pg.PoolClient, order: Order): Promise<void> {
  try {
    await client.query(`INSERT INTO orders (${ORDER_FIELDS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`, orderParams(order));
  } catch (error) {
    if (!hasSqlState(error, '23505')) throw error;
    throw new DeskError('conflict', `an order with client order id ${order.clientOrderId} or id ${order.id} already exists`, { clientOrderId: order.clientOrderId }, { cause: error });
  }
}

async function updateOrder(client: pg.PoolClient, order: Order): Promise<void> {
  const result = await client.query(
    `UPDATE orders SET client_order_id = $2, symbol = $3, side = $4, quantity = $5, type = $6, limit_price = $7, status = $8,
       filled_quantity = $9, average_price = $10, reject_reason = $11, thread_id = $12, created_at = $13, updated_at = $14,
       stop_price = $15, time_in_force = $16, broker = $17, broker_order_id = $18
     WHERE id = $1`, orderParams(order));
  if (result.rowCount === 0) throw new DeskError('not_found', `no order ${order.id} to update`, { orderId: order.id });
}

async function getAccount(queryable: Queryable, startingCash: string): Promise<Account> {
  await queryable.query('INSERT INTO account (id, cash, starting_cash) VALUES (true, $1, $1) ON CONFLICT (id) DO NOTHING', [startingCash]);
  return accountFromRow((await queryable.query(`SELECT ${ACCOUNT_COLUMNS} FROM account`)).rows[0]);
}

async function saveAccount(client: pg.PoolClient, account: Account): Promise<void> {
  await client.query(
    `INSERT INTO account (id, cash, starting_cash, updated_at) VALUES (true, $1, $2, now())
     ON CONFLICT (id) DO UPDATE SET cash = EXCLUDED.cash, starting_cash = EXCLUDED.starting_cash, updated_at = now()`,
    [decimalParam(account.cash, 'cash'), decimalParam(account.startingCash, 'startingCash')]);
}

function firstOrNull<T>(result: pg.QueryResult, map: (row: Record<string, unknown>) => T): T | null {
  return result.rows.length > 0 ? map(result.rows[0]) : null;
}
