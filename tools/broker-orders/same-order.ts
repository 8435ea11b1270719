import { DeskError } from '../../core/index.ts';
import type { BrokerOrderSnapshot, VenueOrderRequest } from './types.ts';

/**
 * Refuse an order found at the venue under the request's clientOrderId whose fields differ:
 * DeskError('conflict') naming them. Quantities and prices compare as decimals ('10' = '10.00').
 *
 * @example assertSameVenueOrder(existing, request, 'alpaca') // throws when the quantity differs
 */
export function assertSameVenueOrder(existing: BrokerOrderSnapshot, request: VenueOrderRequest, venue: string): void {
  const samePrice = (left: BrokerOrderSnapshot['limitPrice'], right: VenueOrderRequest['limitPrice']) =>
    left === null ? right === undefined : right !== undefined && left.eq(right);
  const differing = [
    existing.symbol.toUpperCase() !== request.symbol.toUpperCase() ? 'symbol' : null,
    existing.side !== request.side ? 'side' : null,
    !existing.quantity.eq(request.quantity) ? 'quantity' : null,
    existing.type !== request.type ? 'type' : null,
    !samePrice(existing.limitPrice, request.limitPrice) ? 'limitPrice' : null,
    !samePrice(existing.stopPrice, request.stopPrice) ? 'stopPrice' : null,
  ].filter((field) => field !== null);
  if (differing.length > 0) {
    throw new DeskError('conflict', `clientOrderId ${request.clientOrderId} is already used at ${venue} by order ${existing.brokerOrderId} with different ${differing.join(', ')}`, {
      field: 'clientOrderId', brokerOrderId: existing.brokerOrderId, differing,
    });
  }
}
