import { Decimal, type BrokerOrderReport, type BrokerPosition, type Fill, type PaperVenueFill, type PaperVenueOrder } from '../../core/index.ts';
import { applyFillToPosition } from './position.ts';

/**
 * The Broker port's view of a paper venue order and its executions.
 * @example venueReport(order, fills) // { clientOrderId: 'co_1', status: 'filled', filledQuantity: 10, averagePrice: 100.02, ... }
 */
export function venueReport(order: PaperVenueOrder, fills: PaperVenueFill[]): BrokerOrderReport {
  const quantity = fills.reduce((total, fill) => total.add(Decimal.from(fill.quantity)), Decimal.ZERO);
  const value = fills.reduce((total, fill) => total.add(Decimal.from(fill.quantity).mul(Decimal.from(fill.price))), Decimal.ZERO);
  return {
    clientOrderId: order.clientOrderId,
    brokerOrderId: order.brokerOrderId,
    status: order.status,
    filledQuantity: Decimal.from(order.filledQuantity),
    averagePrice: quantity.isZero() ? null : value.div(quantity),
    fills: fills.map((fill) => ({ executionId: fill.executionId, quantity: Decimal.from(fill.quantity), price: Decimal.from(fill.price), commission: Decimal.from(fill.commission), at: fill.at })),
    reason: order.reason,
  };
}

/** Non-zero positions implied by the venue's executions, in execution order. */
export function venuePositions(fills: PaperVenueFill[]): BrokerPosition[] {
  const positions = new Map<string, ReturnType<typeof applyFillToPosition>>();
  for (const fill of fills) {
    const asFill: Fill = { id: fill.executionId, orderId: fill.clientOrderId, symbol: fill.symbol, side: fill.side, quantity: fill.quantity, price: fill.price, commission: fill.commission, filledAt: fill.at, executionId: fill.executionId };
    positions.set(fill.symbol, applyFillToPosition(positions.get(fill.symbol) ?? null, asFill, fill.at));
  }
  return [...positions.values()]
    .filter((position) => position.quantity !== '0')
    .sort((left, right) => left.symbol.localeCompare(right.symbol))
    .map((position) => ({ symbol: position.symbol, quantity: Decimal.from(position.quantity), averagePrice: Decimal.from(position.averagePrice) }));
}
