import { z } from 'zod';
import { Decimal, DeskError, formatZodError } from '../../core/index.ts';
import type { BrokerAccountSnapshot, BrokerOrderSnapshot, BrokerPositionSnapshot, ExecutionOrderStatus, VenueOrderRequest } from '../../tools/broker-orders/index.ts';

/**
 * Alpaca Trading API v2 wire format (JSON field names and status words exactly as Alpaca sends
 * them), and its mapping to the desk's broker snapshots. Money and quantities arrive as strings
 * and are parsed to Decimal without a float in between.
 */

/** Every order status Alpaca documents. */
export const ALPACA_ORDER_STATUSES = [
  'new', 'partially_filled', 'filled', 'done_for_day', 'canceled', 'expired', 'replaced', 'pending_cancel',
  'pending_replace', 'accepted', 'pending_new', 'accepted_for_bidding', 'stopped', 'rejected', 'suspended', 'calculated', 'held',
] as const;
export type AlpacaOrderStatus = (typeof ALPACA_ORDER_STATUSES)[number];

const nullableString = z.string().nullable().optional();

export const AlpacaOrderSchema = z.looseObject({
  id: z.string(),
  client_order_id: z.string(),
  created_at: z.string(),
  updated_at: z.string().nullable(),
  submitted_at: nullableString,
  filled_at: nullableString,
  expired_at: nullableString,
  canceled_at: nullableString,
  failed_at: nullableString,
  asset_id: z.string().optional(),
  symbol: z.string(),
  asset_class: z.string().optional(),
  notional: nullableString,
  qty: z.string().nullable(),
  filled_qty: z.string(),
  filled_avg_price: z.string().nullable(),
  order_class: z.string().optional(),
  type: z.enum(['market', 'limit', 'stop', 'stop_limit', 'trailing_stop']),
  side: z.enum(['buy', 'sell']),
  time_in_force: z.string(),
  limit_price: z.string().nullable(),
  stop_price: z.string().nullable(),
  status: z.enum(ALPACA_ORDER_STATUSES),
  extended_hours: z.boolean().optional(),
});
export type AlpacaOrder = z.infer<typeof AlpacaOrderSchema>;

export const AlpacaPositionSchema = z.looseObject({
  asset_id: z.string().optional(),
  symbol: z.string(),
  exchange: z.string().optional(),
  asset_class: z.string().optional(),
  avg_entry_price: z.string(),
  qty: z.string(),
  side: z.enum(['long', 'short']),
  market_value: z.string().nullable().optional(),
  cost_basis: z.string().optional(),
  unrealized_pl: z.string().nullable().optional(),
  current_price: z.string().nullable().optional(),
});
export type AlpacaPosition = z.infer<typeof AlpacaPositionSchema>;

export const AlpacaAccountSchema = z.looseObject({
  id: z.string(),
  account_number: z.string(),
  status: z.string(),
  currency: z.string(),
  cash: z.string(),
  buying_power: z.string(),
  equity: z.string(),
  portfolio_value: z.string().optional(),
  trading_blocked: z.boolean(),
  account_blocked: z.boolean().optional(),
});
export type AlpacaAccount = z.infer<typeof AlpacaAccountSchema>;

/** Alpaca's error body: `{"code": 40010001, "message": "..."}`. */
export const AlpacaErrorSchema = z.looseObject({ code: z.number().optional(), message: z.string() });

/** The body of POST /v2/orders. */
export interface AlpacaOrderRequestBody {
  symbol: string;
  qty: string;
  side: 'buy' | 'sell';
  type: VenueOrderRequest['type'];
  time_in_force: VenueOrderRequest['timeInForce'];
  client_order_id: string;
  limit_price?: string;
  stop_price?: string;
}

/**
 * The POST /v2/orders body for a request: qty and prices as decimal strings, as Alpaca wants them.
 * @example orderRequestBody({ clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: Decimal.from('10'), type: 'market', timeInForce: 'day' })
 */
export function orderRequestBody(request: VenueOrderRequest): AlpacaOrderRequestBody {
  const needsLimit = request.type === 'limit' || request.type === 'stop_limit';
  const needsStop = request.type === 'stop' || request.type === 'stop_limit';
  if (needsLimit !== (request.limitPrice !== undefined)) {
    throw new DeskError('invalid_input', `limitPrice is ${needsLimit ? 'required' : 'not allowed'} for a ${request.type} order`, { field: 'limitPrice' });
  }
  if (needsStop !== (request.stopPrice !== undefined)) {
    throw new DeskError('invalid_input', `stopPrice is ${needsStop ? 'required' : 'not allowed'} for a ${request.type} order`, { field: 'stopPrice' });
  }
  if (!request.quantity.gt(Decimal.ZERO)) {
    throw new DeskError('invalid_input', `quantity must be > 0 (got ${request.quantity})`, { field: 'quantity' });
  }
  return {
    symbol: request.symbol,
    qty: request.quantity.toString(),
    side: request.side,
    type: request.type,
    time_in_force: request.timeInForce,
    client_order_id: request.clientOrderId,
    ...(request.limitPrice === undefined ? {} : { limit_price: request.limitPrice.toString() }),
    ...(request.stopPrice === undefined ? {} : { stop_price: request.stopPrice.toString() }),
  };
}

/**
 * Alpaca's status in the desk's words. Working states become `accepted`, or `partially_filled`
 * once anything filled (done_for_day, pending_cancel, ... keep their fills); `pending_new` is
 * not yet accepted for execution; `replaced` ends this order (its replacement is another order).
 *
 * @example mapAlpacaStatus('canceled', Decimal.ZERO) // 'cancelled'
 */
export function mapAlpacaStatus(status: AlpacaOrderStatus, filledQuantity: Decimal): ExecutionOrderStatus {
  switch (status) {
    case 'filled': return 'filled';
    case 'canceled': case 'replaced': return 'cancelled';
    case 'expired': return 'expired';
    case 'rejected': return 'rejected';
    case 'pending_new': return 'new';
    case 'partially_filled': return 'partially_filled';
    default: return filledQuantity.isZero() ? 'accepted' : 'partially_filled';
  }
}

/** An Alpaca order as the desk's snapshot; throws parse_error on a malformed body. */
export function toOrderSnapshot(body: unknown): BrokerOrderSnapshot {
  const order = parseWire(AlpacaOrderSchema, body, 'order');
  if (order.type === 'trailing_stop') {
    throw new DeskError('parse_error', `alpaca order ${order.id} is a trailing_stop order, which the desk does not place or track`, { brokerOrderId: order.id });
  }
  if (order.qty === null) {
    throw new DeskError('parse_error', `alpaca order ${order.id} has no qty (a notional order), which the desk does not place or track`, { brokerOrderId: order.id });
  }
  const filledQuantity = money(order.filled_qty, 'filled_qty');
  return {
    brokerOrderId: order.id,
    clientOrderId: order.client_order_id,
    symbol: order.symbol,
    side: order.side,
    type: order.type,
    timeInForce: order.time_in_force,
    quantity: money(order.qty, 'qty'),
    filledQuantity,
    averageFillPrice: order.filled_avg_price === null ? null : averagePrice(order.filled_avg_price),
    limitPrice: order.limit_price === null ? null : money(order.limit_price, 'limit_price'),
    stopPrice: order.stop_price === null ? null : money(order.stop_price, 'stop_price'),
    status: mapAlpacaStatus(order.status, filledQuantity),
    brokerStatus: order.status,
    createdAt: utc(order.created_at),
    updatedAt: utc(order.updated_at ?? order.created_at),
    filledAt: order.filled_at ? utc(order.filled_at) : null,
  };
}

/** An Alpaca position as the desk's snapshot: signed quantity (short = negative). */
export function toPositionSnapshot(body: unknown): BrokerPositionSnapshot {
  const position = parseWire(AlpacaPositionSchema, body, 'position');
  const size = money(position.qty, 'qty').abs();
  return {
    symbol: position.symbol,
    quantity: position.side === 'short' ? size.neg() : size,
    averageEntryPrice: money(position.avg_entry_price, 'avg_entry_price'),
    marketValue: position.market_value ? money(position.market_value, 'market_value') : null,
  };
}

export function toAccountSnapshot(body: unknown): BrokerAccountSnapshot {
  const account = parseWire(AlpacaAccountSchema, body, 'account');
  return {
    accountNumber: account.account_number,
    status: account.status,
    currency: account.currency,
    cash: money(account.cash, 'cash'),
    buyingPower: money(account.buying_power, 'buying_power'),
    equity: money(account.equity, 'equity'),
    tradingBlocked: account.trading_blocked || account.account_blocked === true,
  };
}

function parseWire<T extends z.ZodType>(schema: T, body: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw new DeskError('parse_error', `alpaca sent a malformed ${what}: ${formatZodError(result.error)}`, { what });
  return result.data;
}

function money(text: string, field: string): Decimal {
  try {
    return Decimal.from(text, field);
  } catch (error) {
    throw new DeskError('parse_error', `alpaca sent ${field} ${JSON.stringify(text)}, not a decimal with at most 8 places`, { field }, { cause: error });
  }
}

/** An average of fills may carry more places than a booked amount; round it half-even to 8. */
function averagePrice(text: string): Decimal {
  const match = /^(-?\d+)\.(\d{9,})$/.exec(text.trim());
  if (match === null) return money(text, 'filled_avg_price');
  const exact = BigInt(`${match[1]}${match[2]}`);
  const scale = 10n ** BigInt(match[2].length - 8);
  let units = exact / scale;
  const remainder = (exact < 0n ? -exact : exact) % scale;
  const absoluteUnits = units < 0n ? -units : units;
  if (remainder * 2n > scale || (remainder * 2n === scale && absoluteUnits % 2n === 1n)) units += exact < 0n ? -1n : 1n;
  return Decimal.fromUnits(units);
}

/** Alpaca stamps nanoseconds ("2022-10-14T15:28:33.474853941Z"); the desk keeps milliseconds, UTC. */
function utc(text: string): string {
  const parsed = new Date(text.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(parsed.getTime())) throw new DeskError('parse_error', `alpaca sent the timestamp ${JSON.stringify(text)}, which is not ISO-8601`, {});
  return parsed.toISOString();
}
