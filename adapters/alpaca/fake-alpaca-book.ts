import { Decimal } from '../../core/index.ts';
import type { AlpacaOrderStatus } from './wire.ts';

/** An order as the fake keeps it; `toWire` renders Alpaca's JSON. */
export interface FakeOrder {
  id: string;
  clientOrderId: string;
  symbol: string;
  side: 'buy' | 'sell';
  type: 'market' | 'limit' | 'stop' | 'stop_limit';
  timeInForce: string;
  quantity: Decimal;
  limitPrice: Decimal | null;
  stopPrice: Decimal | null;
  filledQuantity: Decimal;
  filledValue: Decimal;
  status: AlpacaOrderStatus;
  createdAt: string;
  updatedAt: string;
  filledAt: string | null;
  canceledAt: string | null;
}

interface FakePosition { quantity: Decimal; averagePrice: Decimal }

const OPEN: ReadonlySet<AlpacaOrderStatus> = new Set(['new', 'partially_filled', 'accepted', 'pending_new', 'done_for_day', 'pending_cancel', 'held', 'accepted_for_bidding', 'calculated', 'stopped', 'suspended', 'pending_replace']);

export function isOpenFakeOrder(order: FakeOrder): boolean {
  return OPEN.has(order.status);
}

/**
 * The fake's books: orders, fills into positions (average entry price, flips at the fill price)
 * and cash, all exact.
 */
export class FakeAlpacaBook {
  readonly orders = new Map<string, FakeOrder>();
  readonly byClientId = new Map<string, FakeOrder>();
  readonly positions = new Map<string, FakePosition>();
  cash: Decimal;

  constructor(cash: Decimal) {
    this.cash = cash;
  }

  add(order: FakeOrder): void {
    this.orders.set(order.id, order);
    this.byClientId.set(order.clientOrderId, order);
  }

  /** Fill `quantity` of an order at `price`; the status becomes partially_filled or filled. */
  fill(order: FakeOrder, quantity: Decimal, price: Decimal, now: string): void {
    order.filledQuantity = order.filledQuantity.add(quantity);
    order.filledValue = order.filledValue.add(quantity.mul(price));
    order.status = order.filledQuantity.gte(order.quantity) ? 'filled' : 'partially_filled';
    order.updatedAt = now;
    if (order.status === 'filled') order.filledAt = now;
    const signed = order.side === 'buy' ? quantity : quantity.neg();
    this.cash = this.cash.sub(signed.mul(price));
    this.applyToPosition(order.symbol, signed, price);
  }

  private applyToPosition(symbol: string, signed: Decimal, price: Decimal): void {
    const current = this.positions.get(symbol) ?? { quantity: Decimal.ZERO, averagePrice: Decimal.ZERO };
    const next = current.quantity.add(signed);
    if (next.isZero()) {
      this.positions.delete(symbol);
      return;
    }
    const adding = current.quantity.isZero() || current.quantity.isNegative() === signed.isNegative();
    const flipped = !adding && next.isNegative() !== current.quantity.isNegative();
    let averagePrice = current.averagePrice;
    if (adding) averagePrice = current.quantity.mul(current.averagePrice).add(signed.mul(price)).div(next);
    if (flipped) averagePrice = price;
    this.positions.set(symbol, { quantity: next, averagePrice });
  }

  toWire(order: FakeOrder): Record<string, unknown> {
    const nanos = (iso: string | null) => (iso === null ? null : iso.replace('Z', '123456Z'));
    return {
      id: order.id,
      client_order_id: order.clientOrderId,
      created_at: nanos(order.createdAt),
      updated_at: nanos(order.updatedAt),
      submitted_at: nanos(order.createdAt),
      filled_at: nanos(order.filledAt),
      expired_at: order.status === 'expired' ? nanos(order.updatedAt) : null,
      canceled_at: nanos(order.canceledAt),
      failed_at: order.status === 'rejected' ? nanos(order.updatedAt) : null,
      replaced_at: null,
      replaced_by: null,
      replaces: null,
      asset_id: `asset-${order.symbol}`,
      symbol: order.symbol,
      asset_class: 'us_equity',
      notional: null,
      qty: order.quantity.toString(),
      filled_qty: order.filledQuantity.toString(),
      filled_avg_price: order.filledQuantity.isZero() ? null : order.filledValue.div(order.filledQuantity).toString(),
      order_class: 'simple',
      order_type: order.type,
      type: order.type,
      side: order.side,
      time_in_force: order.timeInForce,
      limit_price: order.limitPrice?.toString() ?? null,
      stop_price: order.stopPrice?.toString() ?? null,
      status: order.status,
      extended_hours: false,
      legs: null,
      trail_percent: null,
      trail_price: null,
      hwm: null,
    };
  }

  positionsWire(prices: Map<string, Decimal>): Array<Record<string, unknown>> {
    return [...this.positions.entries()].map(([symbol, position]) => {
      const price = prices.get(symbol) ?? position.averagePrice;
      return {
        asset_id: `asset-${symbol}`, symbol, exchange: 'NASDAQ', asset_class: 'us_equity',
        avg_entry_price: position.averagePrice.toString(), qty: position.quantity.toString(), qty_available: position.quantity.toString(),
        side: position.quantity.isNegative() ? 'short' : 'long',
        market_value: position.quantity.mul(price).toString(), cost_basis: position.quantity.mul(position.averagePrice).toString(),
        unrealized_pl: position.quantity.mul(price.sub(position.averagePrice)).toString(), current_price: price.toString(),
      };
    });
  }

  accountWire(prices: Map<string, Decimal>): Record<string, unknown> {
    let longValue = Decimal.ZERO;
    let shortValue = Decimal.ZERO;
    for (const [symbol, position] of this.positions) {
      const value = position.quantity.mul(prices.get(symbol) ?? position.averagePrice);
      if (value.isNegative()) shortValue = shortValue.add(value);
      else longValue = longValue.add(value);
    }
    const equity = this.cash.add(longValue).add(shortValue).toString();
    return {
      id: 'fake-account', account_number: 'PA0000FAKE', status: 'ACTIVE', currency: 'USD', cash: this.cash.toString(),
      buying_power: this.cash.toString(), regt_buying_power: this.cash.toString(), equity, portfolio_value: equity, last_equity: equity,
      long_market_value: longValue.toString(), short_market_value: shortValue.toString(), pattern_day_trader: false,
      trading_blocked: false, transfers_blocked: false, account_blocked: false, trade_suspended_by_user: false,
      shorting_enabled: true, multiplier: '1', daytrade_count: 0, created_at: '2024-01-02T14:30:00Z',
    };
  }
}
