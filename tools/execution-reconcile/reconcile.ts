import { Decimal } from '../../core/index.ts';
import { isTerminalStatus, type BrokerOrderSnapshot } from '../broker-orders/index.ts';
import type { LocalOrderView, ReconcileDifference, ReconcileInput, ReconcileReport, ReconcileRepair } from './types.ts';

/**
 * Compare the desk's orders and positions with the broker's and say, for each difference, how
 * to repair it. The broker is the record of what executed: its fills are imported and its final
 * states adopted; the desk's word wins only for a cancel the broker has not yet done. Anything
 * that would un-book a fill is flagged for a human. Positions are then compared, and a gap the
 * order repairs close exactly is marked resolved.
 *
 * @example
 * const report = reconcile({ localOrders, brokerOrders, localPositions, brokerPositions });
 * report.differences[0] // { kind: 'fill_quantity_differs', repairs: [{ action: 'import_broker_fill', quantity: '4', price: '101' }, ...] }
 */
export function reconcile(input: ReconcileInput): ReconcileReport {
  const brokerById = new Map(input.brokerOrders.map((order) => [order.clientOrderId, order]));
  const localIds = new Set(input.localOrders.map((order) => order.clientOrderId));
  const differences: ReconcileDifference[] = [];
  let matchedOrders = 0;
  for (const local of input.localOrders) {
    const broker = brokerById.get(local.clientOrderId);
    if (broker === undefined) {
      if (input.brokerWindowStart === undefined || local.createdAt >= input.brokerWindowStart) {
        const difference = missingAtBroker(local);
        if (difference) differences.push(difference);
      }
      continue;
    }
    const difference = compareOrder(local, broker);
    if (difference) differences.push(difference);
    else matchedOrders += 1;
  }
  for (const broker of input.brokerOrders) {
    if (!localIds.has(broker.clientOrderId)) differences.push(missingLocally(broker));
  }
  differences.push(...comparePositions(input, differences, brokerById));
  return { differences, matchedOrders, clean: differences.length === 0 };
}

function describeLocal(order: LocalOrderView): string {
  return `${order.status} ${order.filledQuantity}/${order.quantity}${order.averagePrice === null ? '' : ` @ ${order.averagePrice}`}`;
}

function describeBroker(order: BrokerOrderSnapshot): string {
  return `${order.status} ${order.filledQuantity}/${order.quantity}${order.averageFillPrice === null ? '' : ` @ ${order.averageFillPrice}`}`;
}

function missingAtBroker(local: LocalOrderView): ReconcileDifference | null {
  const filled = Decimal.from(local.filledQuantity, 'filledQuantity');
  // Refused or withdrawn before it reached the broker: nothing to repair.
  if (filled.isZero() && (local.status === 'rejected' || local.status === 'cancelled' || local.status === 'expired')) return null;
  const base = { kind: 'missing_at_broker' as const, clientOrderId: local.clientOrderId, symbol: local.symbol, local: describeLocal(local), broker: null };
  if (!filled.isZero() || local.status === 'filled' || local.status === 'partially_filled') {
    return { ...base, repairs: [{ action: 'flag_for_human' }], reason: `the store booked ${local.filledQuantity} filled, but the broker has no order ${local.clientOrderId}` };
  }
  const reason = 'the broker has no order with this client order id: it never arrived';
  return { ...base, repairs: [{ action: 'mark_local_rejected', reason }], reason: `${reason}; the order is closed as rejected, never re-sent` };
}

function missingLocally(broker: BrokerOrderSnapshot): ReconcileDifference {
  const fills = broker.filledQuantity.isZero() ? 'nothing filled' : `${broker.filledQuantity} filled at ${broker.averageFillPrice}`;
  return {
    kind: 'missing_locally', clientOrderId: broker.clientOrderId, symbol: broker.symbol, local: null, broker: describeBroker(broker),
    repairs: [{ action: 'import_broker_order', brokerOrderId: broker.brokerOrderId }],
    reason: `the broker holds order ${broker.brokerOrderId} (${broker.status}, ${fills}) that the store does not know; import it`,
  };
}

function compareOrder(local: LocalOrderView, broker: BrokerOrderSnapshot): ReconcileDifference | null {
  const base = { clientOrderId: local.clientOrderId, symbol: local.symbol, local: describeLocal(local), broker: describeBroker(broker) };
  const fieldsDiffer = local.symbol.toUpperCase() !== broker.symbol.toUpperCase() || local.side !== broker.side || !Decimal.from(local.quantity).eq(broker.quantity);
  if (fieldsDiffer) {
    return { ...base, kind: 'fields_differ', repairs: [{ action: 'flag_for_human' }], reason: `the broker's order under ${local.clientOrderId} is ${broker.side} ${broker.quantity} ${broker.symbol}, the store's ${local.side} ${local.quantity} ${local.symbol}` };
  }
  const localFilled = Decimal.from(local.filledQuantity, 'filledQuantity');
  const gap = broker.filledQuantity.sub(localFilled);
  if (gap.isNegative()) {
    return { ...base, kind: 'fill_quantity_differs', repairs: [{ action: 'flag_for_human' }], reason: `the store booked ${localFilled} filled, more than the ${broker.filledQuantity} the broker reports` };
  }
  if (gap.gt(Decimal.ZERO)) {
    const repairs: ReconcileRepair[] = [{ action: 'import_broker_fill', quantity: gap.toString(), price: missingFillPrice(local, broker, gap).toString() }];
    if (local.status !== broker.status) repairs.push({ action: 'set_local_status', status: broker.status });
    return { ...base, kind: 'fill_quantity_differs', repairs, reason: `the broker filled ${gap} more than the store booked; import the fill` };
  }
  if (local.status === broker.status) return null;
  return { ...base, kind: 'status_differs', ...statusRepair(local, broker) };
}

/** The price of the fills the store lacks: broker value minus booked value, over the gap. */
function missingFillPrice(local: LocalOrderView, broker: BrokerOrderSnapshot, gap: Decimal): Decimal {
  const brokerValue = broker.filledQuantity.mul(broker.averageFillPrice ?? Decimal.ZERO);
  const localValue = Decimal.from(local.filledQuantity).mul(local.averagePrice === null ? Decimal.ZERO : Decimal.from(local.averagePrice));
  return brokerValue.sub(localValue).div(gap);
}

function statusRepair(local: LocalOrderView, broker: BrokerOrderSnapshot): { repairs: ReconcileRepair[]; reason: string } {
  if (local.status === 'cancelled' && !isTerminalStatus(broker.status)) {
    return { repairs: [{ action: 'cancel_at_broker', brokerOrderId: broker.brokerOrderId }], reason: `the desk cancelled it but the broker still works it (${broker.brokerStatus}); cancel at the broker` };
  }
  if (local.status === 'filled') {
    return { repairs: [{ action: 'flag_for_human' }], reason: `the store has it filled, the broker ${broker.status} with the same filled quantity` };
  }
  return { repairs: [{ action: 'set_local_status', status: broker.status }], reason: `the broker reports ${broker.status} (${broker.brokerStatus}); adopt it` };
}

function comparePositions(input: ReconcileInput, orderDifferences: ReconcileDifference[], brokerById: Map<string, BrokerOrderSnapshot>): ReconcileDifference[] {
  const local = signedBySymbol(input.localPositions.map((position) => [position.symbol, Decimal.from(position.quantity, 'position quantity')]));
  const broker = signedBySymbol(input.brokerPositions.map((position) => [position.symbol, position.quantity]));
  const explained = signedBySymbol(orderDifferences.flatMap((difference) => importedQuantities(difference, brokerById)));
  const symbols = [...new Set([...local.keys(), ...broker.keys()])].sort();
  return symbols.flatMap((symbol) => {
    const held = local.get(symbol) ?? Decimal.ZERO;
    const reported = broker.get(symbol) ?? Decimal.ZERO;
    if (held.eq(reported)) return [];
    const afterRepairs = held.add(explained.get(symbol) ?? Decimal.ZERO);
    const resolved = afterRepairs.eq(reported);
    return [{
      kind: 'position_differs' as const, clientOrderId: null, symbol, local: held.toString(), broker: reported.toString(),
      repairs: [{ action: resolved ? 'resolved_by_order_repairs' as const : 'flag_for_human' as const }],
      reason: resolved
        ? `the order repairs above move ${symbol} from ${held} to the broker's ${reported}`
        : `${symbol}: the store holds ${held}, the broker ${reported}; ${reported.sub(afterRepairs)} is unexplained by any order`,
    }];
  });
}

function importedQuantities(difference: ReconcileDifference, brokerById: Map<string, BrokerOrderSnapshot>): Array<[string, Decimal]> {
  const broker = difference.clientOrderId === null ? undefined : brokerById.get(difference.clientOrderId);
  if (broker === undefined) return [];
  const signed = (quantity: Decimal) => (broker.side === 'buy' ? quantity : quantity.neg());
  return difference.repairs.flatMap((repair): Array<[string, Decimal]> => {
    if (repair.action === 'import_broker_fill') return [[broker.symbol, signed(Decimal.from(repair.quantity))]];
    if (repair.action === 'import_broker_order') return [[broker.symbol, signed(broker.filledQuantity)]];
    return [];
  });
}

function signedBySymbol(entries: Array<[string, Decimal]>): Map<string, Decimal> {
  const totals = new Map<string, Decimal>();
  for (const [symbol, quantity] of entries) totals.set(symbol.toUpperCase(), (totals.get(symbol.toUpperCase()) ?? Decimal.ZERO).add(quantity));
  return totals;
}
