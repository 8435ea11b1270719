import { Decimal, type Fill, type Order } from '../../core/index.ts';

export interface OrderExecutionSummary {
  orderId: string;
  clientOrderId: string;
  symbol: string;
  side: Order['side'];
  status: Order['status'];
  quantity: string;
  filledQuantity: string;
  averagePrice: string | null;
  /** Traded value: sum of quantity x price over the fills. */
  notional: string;
  commission: string;
  /** The reference price when the order arrived (the last close at or before it), if known. */
  arrivalPrice: string | null;
  /** (average - arrival) / arrival in basis points, signed so that positive is a cost (buy above, sell below arrival). */
  slippageBps: string | null;
  /** The same cost in USD: (average - arrival) x filled quantity, signed like slippageBps. */
  slippageCost: string | null;
  fills: Fill[];
}

/**
 * What happened to one order: fills, average price, commissions and slippage against the
 * arrival price. Basis points and USD are rounded to 2 decimals.
 *
 * @example summarizeExecution(buyTenFilledAt100_05, fills, '100') // { slippageBps: '5', slippageCost: '0.5', ... }
 */
export function summarizeExecution(order: Order, fills: Fill[], arrivalPrice: string | null): OrderExecutionSummary {
  const filled = fills.reduce((total, fill) => total.add(Decimal.from(fill.quantity)), Decimal.ZERO);
  const notional = fills.reduce((total, fill) => total.add(Decimal.from(fill.quantity).mul(Decimal.from(fill.price))), Decimal.ZERO);
  const commission = fills.reduce((total, fill) => total.add(Decimal.from(fill.commission)), Decimal.ZERO);
  const average = filled.isZero() ? null : notional.div(filled);
  let slippageBps: string | null = null;
  let slippageCost: string | null = null;
  if (average !== null && arrivalPrice !== null) {
    const arrival = Decimal.from(arrivalPrice, 'arrivalPrice');
    const signed = order.side === 'buy' ? average.sub(arrival) : arrival.sub(average);
    slippageBps = Decimal.from(signed.div(arrival).mul(Decimal.from(10_000)).toFixed(2)).toString();
    slippageCost = Decimal.from(signed.mul(filled).toFixed(2)).toString();
  }
  return {
    orderId: order.id, clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side, status: order.status, quantity: order.quantity,
    filledQuantity: filled.toString(), averagePrice: average === null ? null : average.toString(), notional: notional.toString(),
    commission: commission.toString(), arrivalPrice, slippageBps, slippageCost, fills,
  };
}

/**
 * Totals over several orders: traded value, commissions and slippage cost (orders without an
 * arrival price add no slippage).
 * @example executionTotals(summaries) // { orders: 3, notional: '5012.5', commission: '2.51', slippageCost: '1.2' }
 */
export function executionTotals(summaries: OrderExecutionSummary[]): { orders: number; notional: string; commission: string; slippageCost: string } {
  const sum = (pick: (summary: OrderExecutionSummary) => string | null) =>
    summaries.reduce((total, summary) => total.add(Decimal.from(pick(summary) ?? '0')), Decimal.ZERO).toString();
  return { orders: summaries.length, notional: sum((entry) => entry.notional), commission: sum((entry) => entry.commission), slippageCost: sum((entry) => entry.slippageCost) };
}
