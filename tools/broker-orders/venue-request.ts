import { Decimal, type Order } from '../../core/index.ts';
import type { VenueOrderRequest, VenueTimeInForce } from './types.ts';

/**
 * The venue request for a stored order: same client order id, exact quantity and limit price.
 * @example venueRequestFor(order) // { clientOrderId: order.clientOrderId, symbol: 'AAPL', side: 'buy', quantity: Decimal(10), type: 'market', timeInForce: 'day' }
 */
export function venueRequestFor(order: Pick<Order, 'clientOrderId' | 'symbol' | 'side' | 'quantity' | 'type' | 'limitPrice'>, timeInForce: VenueTimeInForce = 'day'): VenueOrderRequest {
  return {
    clientOrderId: order.clientOrderId,
    symbol: order.symbol,
    side: order.side,
    quantity: Decimal.from(order.quantity, 'quantity'),
    type: order.type,
    timeInForce,
    ...(order.limitPrice === null ? {} : { limitPrice: Decimal.from(order.limitPrice, 'limitPrice') }),
  };
}
