import type pg from 'pg';
import type { PaperVenueFill, PaperVenueOrder, PaperVenueStore, PaperVenueTransaction } from '../core/index.ts';
import type { Database } from './database.ts';
import { LOCKS, decimalParam, decimalText, inTransaction, isoTimestamp, nullableDecimalParam } from './sql.ts';

type Queryable = pg.Pool | pg.PoolClient;
type Row = Record<string, unknown>;

const ORDER_COLUMNS = `client_order_id, broker_order_id, symbol, side, quantity::text AS quantity, type, limit_price::text AS limit_price,
  stop_price::text AS stop_price, time_in_force, status, filled_quantity::text AS filled_quantity, triggered, to_char(last_bar_date, 'YYYY-MM-DD') AS last_bar_date,
  reason, created_at, updated_at`;
const FILL_COLUMNS = `f.execution_id, f.client_order_id, o.symbol, o.side, f.quantity::text AS quantity, f.price::text AS price, f.commission::text AS commission, f.at`;
const OPEN = `status IN ('accepted', 'partially_filled')`;

/**
 * The paper venue's book in Postgres (paper_venue_orders, paper_venue_fills): the broker side
 * of the paper account, kept apart from the desk's orders so that reconciliation after a crash
 * compares two records. Transactions hold their own advisory lock (never taken together with
 * the execution lock).
 *
 * @example const paper = createPaperBroker({ venue: createPaperVenueStore(db), ... })
 */
export function createPaperVenueStore(db: Database): PaperVenueStore {
  return {
    getOrder: (clientOrderId) => getOrder(db.pool, clientOrderId),
    listOpenOrders: async () => (await db.pool.query(`SELECT ${ORDER_COLUMNS} FROM paper_venue_orders WHERE ${OPEN} ORDER BY created_at, client_order_id`)).rows.map(orderFromRow),
    listFills: (clientOrderId) => listFills(db.pool, clientOrderId),
    transaction: (work) => inTransaction(db.pool, LOCKS.paperVenue, (client) => work(transactionOn(client))),
  };
}

function transactionOn(client: pg.PoolClient): PaperVenueTransaction {
  return {
    getOrder: (clientOrderId) => getOrder(client, clientOrderId),
    listOpenOrders: async (symbol) =>
      (await client.query(`SELECT ${ORDER_COLUMNS} FROM paper_venue_orders WHERE ${OPEN} AND symbol = $1 ORDER BY created_at, client_order_id`, [symbol])).rows.map(orderFromRow),
    listFills: (clientOrderId) => listFills(client, clientOrderId),
    saveOrder: async (order) => {
      await client.query(
        `INSERT INTO paper_venue_orders (client_order_id, broker_order_id, symbol, side, quantity, type, limit_price, stop_price, time_in_force, status,
           filled_quantity, triggered, last_bar_date, reason, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (client_order_id) DO UPDATE SET status = EXCLUDED.status, filled_quantity = EXCLUDED.filled_quantity, triggered = EXCLUDED.triggered,
           last_bar_date = EXCLUDED.last_bar_date, reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at`,
        [order.clientOrderId, order.brokerOrderId, order.symbol, order.side, decimalParam(order.quantity, 'quantity'), order.type,
          nullableDecimalParam(order.limitPrice, 'limitPrice'), nullableDecimalParam(order.stopPrice, 'stopPrice'), order.timeInForce, order.status,
          decimalParam(order.filledQuantity, 'filledQuantity'), order.triggered, order.lastBarDate, order.reason, order.createdAt, order.updatedAt]);
    },
    insertFill: async (fill) => {
      await client.query('INSERT INTO paper_venue_fills (execution_id, client_order_id, quantity, price, commission, at) VALUES ($1, $2, $3, $4, $5, $6)',
        [fill.executionId, fill.clientOrderId, decimalParam(fill.quantity, 'quantity'), decimalParam(fill.price, 'price'), decimalParam(fill.commission, 'commission'), fill.at]);
    },
  };
}

async function getOrder(queryable: Queryable, clientOrderId: string): Promise<PaperVenueOrder | null> {
  const result = await queryable.query(`SELECT ${ORDER_COLUMNS} FROM paper_venue_orders WHERE client_order_id = $1`, [clientOrderId]);
  return result.rows.length > 0 ? orderFromRow(result.rows[0]) : null;
}

async function listFills(queryable: Queryable, clientOrderId?: string): Promise<PaperVenueFill[]> {
  const result = await queryable.query(
    `SELECT ${FILL_COLUMNS} FROM paper_venue_fills f JOIN paper_venue_orders o USING (client_order_id)
     WHERE ($1::text IS NULL OR f.client_order_id = $1) ORDER BY f.seq`, [clientOrderId ?? null]);
  return result.rows.map(fillFromRow);
}

const nullableDecimal = (value: unknown): string | null => (value === null ? null : decimalText(value as string));

function orderFromRow(row: Row): PaperVenueOrder {
  return {
    clientOrderId: row.client_order_id as string, brokerOrderId: row.broker_order_id as string, symbol: row.symbol as string,
    side: row.side as PaperVenueOrder['side'], quantity: decimalText(row.quantity as string), type: row.type as PaperVenueOrder['type'],
    limitPrice: nullableDecimal(row.limit_price), stopPrice: nullableDecimal(row.stop_price), timeInForce: row.time_in_force as PaperVenueOrder['timeInForce'],
    status: row.status as PaperVenueOrder['status'], filledQuantity: decimalText(row.filled_quantity as string), triggered: row.triggered as boolean,
    lastBarDate: row.last_bar_date as string | null, reason: row.reason as string | null,
    createdAt: isoTimestamp(row.created_at as Date), updatedAt: isoTimestamp(row.updated_at as Date),
  };
}

function fillFromRow(row: Row): PaperVenueFill {
  return {
    executionId: row.execution_id as string, clientOrderId: row.client_order_id as string, symbol: row.symbol as string, side: row.side as PaperVenueFill['side'],
    quantity: decimalText(row.quantity as string), price: decimalText(row.price as string), commission: decimalText(row.commission as string), at: isoTimestamp(row.at as Date),
  };
}
