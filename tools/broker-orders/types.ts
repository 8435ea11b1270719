import type { Decimal, OrderSide } from '../../core/index.ts';

/**
 * Order states as the desk names them, whatever the broker calls them. `new` = known to the desk,
 * not yet acknowledged for execution; `accepted` = working at the broker with nothing filled.
 */
export type ExecutionOrderStatus = 'new' | 'accepted' | 'partially_filled' | 'filled' | 'cancelled' | 'rejected' | 'expired';

export const EXECUTION_ORDER_STATUSES: readonly ExecutionOrderStatus[] = ['new', 'accepted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'];

/** Order types a venue may accept (the desk's own OrderRequest uses market and limit). */
export type VenueOrderType = 'market' | 'limit' | 'stop' | 'stop_limit';

export type VenueTimeInForce = 'day' | 'gtc';

/** What the desk asks a venue to execute; `clientOrderId` makes the submission idempotent at the venue. */
export interface VenueOrderRequest {
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  quantity: Decimal;
  type: VenueOrderType;
  timeInForce: VenueTimeInForce;
  limitPrice?: Decimal;
  stopPrice?: Decimal;
}

/** One order as the broker reports it, in the desk's vocabulary; `brokerStatus` keeps the broker's own word. */
export interface BrokerOrderSnapshot {
  brokerOrderId: string;
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  type: VenueOrderType;
  timeInForce: string;
  quantity: Decimal;
  filledQuantity: Decimal;
  /** Null until something filled. */
  averageFillPrice: Decimal | null;
  limitPrice: Decimal | null;
  stopPrice: Decimal | null;
  status: ExecutionOrderStatus;
  brokerStatus: string;
  /** ISO-8601 UTC instants. */
  createdAt: string;
  updatedAt: string;
  filledAt: string | null;
}

/** Net position at the broker; quantity is signed (negative = short). */
export interface BrokerPositionSnapshot {
  symbol: string;
  quantity: Decimal;
  averageEntryPrice: Decimal;
  marketValue: Decimal | null;
}

export interface BrokerAccountSnapshot {
  accountNumber: string;
  status: string;
  currency: string;
  cash: Decimal;
  buyingPower: Decimal;
  equity: Decimal;
  tradingBlocked: boolean;
}

/**
 * True for states after which the broker reports no further change.
 * @example isTerminalStatus('partially_filled') // false
 */
export function isTerminalStatus(status: ExecutionOrderStatus): boolean {
  return status === 'filled' || status === 'cancelled' || status === 'rejected' || status === 'expired';
}

/** Which orders a listing returns: working ones, finished ones, or both. */
export interface BrokerOrderListing {
  status: 'open' | 'closed' | 'all';
  /** Only orders submitted after this ISO instant (exclusive). */
  after?: string;
  /** At most this many (Alpaca: default 50, max 500). */
  limit?: number;
}

/**
 * The shape a live venue adapter offers (Alpaca today): submit is idempotent by clientOrderId,
 * every read returns the broker's own view in the desk's vocabulary. Errors are DeskErrors:
 * broker_rejected (the venue said no), broker_unavailable (transient; `details.retryable`),
 * config_error (keys), not_found, parse_error.
 */
export interface VenueBroker {
  readonly name: string;
  submitOrder(request: VenueOrderRequest): Promise<BrokerOrderSnapshot>;
  /** Ask the venue to cancel; the order's final state arrives through getOrder. */
  cancelOrder(brokerOrderId: string): Promise<void>;
  getOrder(brokerOrderId: string): Promise<BrokerOrderSnapshot>;
  /** Null when the venue has no order with this client order id. */
  getOrderByClientId(clientOrderId: string): Promise<BrokerOrderSnapshot | null>;
  listOrders(listing: BrokerOrderListing): Promise<BrokerOrderSnapshot[]>;
  listOpenOrders(): Promise<BrokerOrderSnapshot[]>;
  positions(): Promise<BrokerPositionSnapshot[]>;
  account(): Promise<BrokerAccountSnapshot>;
}
