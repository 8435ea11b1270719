import { Decimal, DeskError, type Fill, type Position } from '../../core/index.ts';

/**
 * The position after a fill, in exact decimals. Quantity is signed (negative = short). Adding
 * to a position moves the average price to the weighted average; reducing it books realized
 * PnL at (fill price - average price) per share closed; crossing through zero closes the old
 * side and opens the rest at the fill price. Commission is booked to cash, not to realized PnL.
 *
 * @example
 * applyFillToPosition({ symbol: 'AAPL', quantity: '10', averagePrice: '100', realizedPnl: '0', updatedAt },
 *   { ...fill, side: 'sell', quantity: '4', price: '110' }, updatedAt) // quantity '6', realizedPnl '40'
 */
export function applyFillToPosition(position: Position | null, fill: Fill, updatedAt: string): Position {
  if (position !== null && position.symbol !== fill.symbol) {
    throw new DeskError('invalid_input', `fill for ${fill.symbol} cannot change the ${position.symbol} position`, { field: 'symbol' });
  }
  const held = Decimal.from(position?.quantity ?? '0', 'position quantity');
  const averagePrice = Decimal.from(position?.averagePrice ?? '0', 'average price');
  const realizedPnl = Decimal.from(position?.realizedPnl ?? '0', 'realized PnL');
  const quantity = Decimal.from(fill.quantity, 'fill quantity');
  const price = Decimal.from(fill.price, 'fill price');
  const change = fill.side === 'buy' ? quantity : quantity.neg();
  const next = held.add(change);
  const result = (average: Decimal, realized: Decimal): Position => ({
    symbol: fill.symbol, quantity: next.toString(), averagePrice: average.toString(), realizedPnl: realized.toString(), updatedAt,
  });
  if (held.isZero() || held.isNegative() === change.isNegative()) {
    const weighted = held.abs().mul(averagePrice).add(quantity.mul(price)).div(next.abs());
    return result(weighted, realizedPnl);
  }
  const closed = held.abs().lte(quantity) ? held.abs() : quantity;
  const perShare = held.isNegative() ? averagePrice.sub(price) : price.sub(averagePrice);
  const realized = realizedPnl.add(perShare.mul(closed));
  if (next.isZero()) return result(Decimal.ZERO, realized);
  const flipped = next.isNegative() !== held.isNegative();
  return result(flipped ? price : averagePrice, realized);
}
