import { Decimal, DeskError, type BrokerFill, type BrokerOrderReport, type ExecutionTransaction, type Fill, type IdSource, type Order, type OrderStatus, type Position } from '../../core/index.ts';
import { assertTransition } from './order-state.ts';
import { applyFillToPosition } from './position.ts';
import type { ExecutionProbe } from './probes.ts';

export interface ApplyReportContext {
  ids: IdSource;
  now: string;
  probe?: ExecutionProbe;
  /** Book a venue cancellation as this status instead (a day order cancelled at session end is expired). */
  cancelledAs?: 'cancelled' | 'expired';
  /** Reason to record when the report carries none. */
  reason?: string;
}

export interface AppliedReport {
  order: Order;
  /** Fills booked by this call (none when the report brought nothing new). */
  fills: Fill[];
}

const FINAL_FROM_REPORT: readonly OrderStatus[] = ['accepted', 'cancelled', 'rejected', 'expired'];

/**
 * Bring the stored order in line with the venue's report, inside one execution transaction:
 * book every execution not booked yet (fill row, position, cash, an order event per fill:
 * partially_filled or filled), then move to the venue's status (accepted, cancelled, rejected,
 * expired) with its reason, and write the order projection once. Applying the same report twice
 * changes nothing, which is what makes retries and crash recovery safe.
 *
 * @example await store.transaction((tx) => applyBrokerReport(tx, order.id, report, { ids, now }))
 */
export async function applyBrokerReport(tx: ExecutionTransaction, orderId: string, report: BrokerOrderReport, context: ApplyReportContext): Promise<AppliedReport> {
  const stored = await tx.getOrder(orderId);
  if (stored === null) throw new DeskError('not_found', `no order ${orderId} to apply the broker report to`, { orderId });
  // Fills and the projection are written together, so an order showing nothing filled has no fills to read.
  const booked = Decimal.from(stored.filledQuantity).isZero() ? [] : await tx.listOrderFills(orderId);
  const bookedIds = new Set(booked.map((fill) => fill.executionId));
  let filled = sum(booked.map((fill) => Decimal.from(fill.quantity)));
  let value = sum(booked.map((fill) => Decimal.from(fill.quantity).mul(Decimal.from(fill.price))));
  const executions = [...report.fills.filter((fill) => !bookedIds.has(fill.executionId)), ...cumulativeGap(report, filled, value, context.now)];
  let order: Order = { ...stored, brokerOrderId: report.brokerOrderId, updatedAt: context.now };
  const fills: Fill[] = [];
  let position: Position | null | undefined;
  let cashChange = Decimal.ZERO;
  const quantity = Decimal.from(order.quantity);
  for (const execution of executions) {
    filled = filled.add(execution.quantity);
    value = value.add(execution.quantity.mul(execution.price));
    if (filled.gt(quantity)) throw new DeskError('integrity_error', `broker reports ${filled} filled for order ${order.id} of ${quantity}`, { orderId: order.id });
    const next: OrderStatus = filled.eq(quantity) ? 'filled' : 'partially_filled';
    assertTransition(order.id, order.status, next);
    const fill: Fill = {
      id: context.ids.next('fill'), orderId: order.id, symbol: order.symbol, side: order.side, quantity: execution.quantity.toString(),
      price: execution.price.toString(), commission: execution.commission.toString(), filledAt: execution.at, executionId: execution.executionId,
    };
    await tx.insertFill(fill);
    context.probe?.('book:after-fill-insert');
    await tx.appendOrderEvent({ orderId: order.id, fromStatus: order.status, toStatus: next, fillId: fill.id, fillQuantity: fill.quantity, fillPrice: fill.price, commission: fill.commission, reason: null, at: context.now });
    context.probe?.('book:after-fill-event');
    if (position === undefined) position = await tx.getPosition(order.symbol);
    position = applyFillToPosition(position, fill, context.now);
    const tradeValue = execution.quantity.mul(execution.price);
    cashChange = cashChange.add(order.side === 'buy' ? tradeValue.add(execution.commission).neg() : tradeValue.sub(execution.commission));
    order = { ...order, status: next, filledQuantity: filled.toString(), averagePrice: value.div(filled).toString() };
    fills.push(fill);
  }
  if (position) {
    await tx.savePosition(position);
    context.probe?.('book:after-position');
    await tx.adjustCash(cashChange.toString());
    context.probe?.('book:after-cash');
  }
  order = await moveToReportedStatus(tx, order, report, context);
  if (fills.length > 0 || order.status !== stored.status || order.brokerOrderId !== stored.brokerOrderId) {
    await tx.updateOrder(order);
    context.probe?.('book:before-commit');
  }
  return { order: fills.length > 0 || order.status !== stored.status ? order : stored, fills };
}

async function moveToReportedStatus(tx: ExecutionTransaction, order: Order, report: BrokerOrderReport, context: ApplyReportContext): Promise<Order> {
  if (!FINAL_FROM_REPORT.includes(report.status)) return order;
  const target: OrderStatus = report.status === 'cancelled' ? (context.cancelledAs ?? 'cancelled') : report.status;
  // accepted after a fill is old news; a status already reached needs no event.
  if (target === order.status || (target === 'accepted' && order.status !== 'new')) return order;
  assertTransition(order.id, order.status, target);
  const reason = target === 'accepted' ? null : (report.reason ?? context.reason ?? null);
  await tx.appendOrderEvent({ orderId: order.id, fromStatus: order.status, toStatus: target, fillId: null, fillQuantity: null, fillPrice: null, commission: null, reason, at: context.now });
  context.probe?.('book:after-status-event');
  return { ...order, status: target, rejectReason: reason };
}

/**
 * A venue that reports only cumulative figures (no per-execution list): book the difference
 * between its filled quantity and ours as one execution at the implied average price.
 */
function cumulativeGap(report: BrokerOrderReport, filled: Decimal, value: Decimal, now: string): BrokerFill[] {
  if (report.fills.length > 0 || report.averagePrice === null || !report.filledQuantity.gt(filled)) return [];
  const gap = report.filledQuantity.sub(filled);
  const price = report.averagePrice.mul(report.filledQuantity).sub(value).div(gap);
  return [{ executionId: `${report.brokerOrderId}:cumulative:${report.filledQuantity}`, quantity: gap, price, commission: Decimal.ZERO, at: now }];
}

function sum(values: Decimal[]): Decimal {
  return values.reduce((total, entry) => total.add(entry), Decimal.ZERO);
}
