import type { Account, Fill, Order, OrderEvent, Position } from '../core/index.ts';
import { decimalParam, decimalText, isoTimestamp, nullableDecimalParam } from './sql.ts';

/**
 * Column lists and row <-> record mapping for orders, fills, positions and the account.
 * `*_FIELDS` name the columns for INSERT; `*_COLUMNS` select them with numeric columns as text,
 * so exact values never depend on pg's (global, changeable) numeric parser.
 */
export const ORDER_FIELDS = 'id, client_order_id, symbol, side, quantity, type, limit_price, status, filled_quantity, average_price, reject_reason, thread_id, created_at, updated_at, stop_price, time_in_force, broker, broker_order_id';
export const FILL_FIELDS = 'id, order_id, symbol, side, quantity, price, commission, filled_at, execution_id';
export const EVENT_FIELDS = 'order_id, seq, from_status, to_status, fill_id, fill_quantity, fill_price, commission, reason, at';
export const POSITION_FIELDS = 'symbol, quantity, average_price, realized_pnl, updated_at';
export const ORDER_COLUMNS = selectList(ORDER_FIELDS, ['quantity', 'limit_price', 'filled_quantity', 'average_price', 'stop_price']);
export const EVENT_COLUMNS = selectList(EVENT_FIELDS, ['fill_quantity', 'fill_price', 'commission']);
export const FILL_COLUMNS = selectList(FILL_FIELDS, ['quantity', 'price', 'commission']);
export const POSITION_COLUMNS = selectList(POSITION_FIELDS, ['quantity', 'average_price', 'realized_pnl']);
export const ACCOUNT_COLUMNS = selectList('cash, starting_cash', ['cash', 'starting_cash']);

function selectList(fields: string, numeric: string[]): string {
  return fields.split(', ').map((field) => (numeric.includes(field) ? `${field}::text AS ${field}` : field)).join(', ');
}

type Row = Record<string, unknown>;
const text = (value: unknown): string => value as string;
const nullableDecimal = (value: unknown): string | null => (value === null ? null : decimalText(text(value)));

export function orderFromRow(row: Row): Order {
  return {
    id: text(row.id), clientOrderId: text(row.client_order_id), symbol: text(row.symbol), side: row.side as Order['side'],
    quantity: decimalText(text(row.quantity)), type: row.type as Order['type'], limitPrice: nullableDecimal(row.limit_price),
    status: row.status as Order['status'], filledQuantity: decimalText(text(row.filled_quantity)), averagePrice: nullableDecimal(row.average_price),
    stopPrice: nullableDecimal(row.stop_price), timeInForce: row.time_in_force as Order['timeInForce'],
    rejectReason: row.reject_reason as string | null, threadId: row.thread_id as string | null,
    broker: row.broker as string | null, brokerOrderId: row.broker_order_id as string | null,
    createdAt: isoTimestamp(row.created_at as Date), updatedAt: isoTimestamp(row.updated_at as Date),
  };
}

/** Parameters $1..$18 in ORDER_FIELDS order; decimals are validated on the way in. */
export function orderParams(order: Order): unknown[] {
  return [
    order.id, order.clientOrderId, order.symbol, order.side, decimalParam(order.quantity, 'quantity'), order.type,
    nullableDecimalParam(order.limitPrice, 'limitPrice'), order.status, decimalParam(order.filledQuantity, 'filledQuantity'),
    nullableDecimalParam(order.averagePrice, 'averagePrice'), order.rejectReason, order.threadId, order.createdAt, order.updatedAt,
    nullableDecimalParam(order.stopPrice, 'stopPrice'), order.timeInForce, order.broker, order.brokerOrderId,
  ];
}

export function fillFromRow(row: Row): Fill {
  return {
    id: text(row.id), orderId: text(row.order_id), symbol: text(row.symbol), side: row.side as Fill['side'],
    quantity: decimalText(text(row.quantity)), price: decimalText(text(row.price)), commission: decimalText(text(row.commission)),
    filledAt: isoTimestamp(row.filled_at as Date), executionId: row.execution_id as string | null,
  };
}

export function fillParams(fill: Fill): unknown[] {
  return [
    fill.id, fill.orderId, fill.symbol, fill.side, decimalParam(fill.quantity, 'quantity'), decimalParam(fill.price, 'price'),
    decimalParam(fill.commission, 'commission'), fill.filledAt, fill.executionId,
  ];
}

export function positionFromRow(row: Row): Position {
  return {
    symbol: text(row.symbol), quantity: decimalText(text(row.quantity)), averagePrice: decimalText(text(row.average_price)),
    realizedPnl: decimalText(text(row.realized_pnl)), updatedAt: isoTimestamp(row.updated_at as Date),
  };
}

export function positionParams(position: Position): unknown[] {
  return [
    position.symbol, decimalParam(position.quantity, 'quantity'), decimalParam(position.averagePrice, 'averagePrice'),
    decimalParam(position.realizedPnl, 'realizedPnl'), position.updatedAt,
  ];
}

export function accountFromRow(row: Row): Account {
  return { cash: decimalText(text(row.cash)), startingCash: decimalText(text(row.starting_cash)) };
}

export function eventFromRow(row: Row): OrderEvent {
  return {
    orderId: text(row.order_id), seq: Number(row.seq), fromStatus: row.from_status as OrderEvent['fromStatus'], toStatus: row.to_status as OrderEvent['toStatus'],
    fillId: row.fill_id as string | null, fillQuantity: nullableDecimal(row.fill_quantity), fillPrice: nullableDecimal(row.fill_price),
    commission: nullableDecimal(row.commission), reason: row.reason as string | null, at: isoTimestamp(row.at as Date),
  };
}

/** Parameters $1..$9 (everything but seq, which the INSERT computes) in EVENT_FIELDS order. */
export function eventParams(event: Omit<OrderEvent, 'seq'>): unknown[] {
  return [
    event.orderId, event.fromStatus, event.toStatus, event.fillId, nullableDecimalParam(event.fillQuantity, 'fillQuantity'),
    nullableDecimalParam(event.fillPrice, 'fillPrice'), nullableDecimalParam(event.commission, 'commission'), event.reason, event.at,
  ];
}
