import { Decimal, DeskError, isDeskError, type BrokerOrderReport, type CancelOpenOrdersResult, type Order, type OrderRequest, type Position } from '../../core/index.ts';
import type { AppliedReport } from './apply-report.ts';
import { isOpenStatus, OPEN_STATUSES } from './order-state.ts';
import { bookLocalTransition, bookReport, placeOrder, submitAndBook, type ExecutionDependencies, type PlaceOrderContext, type PlaceOrderDependencies, type PlaceOrderResult } from './place-order.ts';

/** More than any desk keeps open at once; open-order scans read them all. */
const ALL_OPEN = 100_000;

/**
 * Cancel a working order at the broker and book the outcome. Only new, accepted and
 * partially filled orders can be cancelled (DeskError('invalid_transition') otherwise). The
 * broker's answer wins: an order that filled before the cancel arrived is booked as filled.
 * An order the broker never received is cancelled here alone.
 *
 * @example await cancelOrder('ord_000001', 'changed my mind', deps) // { order: { status: 'cancelled', ... }, fills: [] }
 */
export async function cancelOrder(orderId: string, reason: string, deps: ExecutionDependencies, options: { as?: 'cancelled' | 'expired' } = {}): Promise<AppliedReport> {
  const order = (await deps.store.getOrder(orderId)) ?? (await deps.store.getOrderByClientId(orderId));
  if (order === null) throw new DeskError('not_found', `no order with id or clientOrderId ${orderId}`, { field: 'orderId' });
  if (!isOpenStatus(order.status)) {
    throw new DeskError('invalid_transition', `order ${order.id} is ${order.status}: only ${OPEN_STATUSES.join(', ')} orders can be cancelled`, { orderId: order.id, from: order.status });
  }
  const to = options.as ?? 'cancelled';
  let report: BrokerOrderReport;
  try {
    report = await deps.broker.cancel(order.clientOrderId, reason);
  } catch (error) {
    if (!isDeskError(error, 'not_found')) throw error;
    return { order: await bookLocalTransition(deps, order.id, to, `${reason} (never reached broker ${deps.broker.name})`), fills: [] };
  }
  deps.probe?.('cancel:after-venue');
  return bookReport(deps, order.id, report, { cancelledAs: to, reason });
}

/**
 * The kill switch's hook: cancel every open order with `reason`. One failure does not stop the
 * others; it is listed in `failed`. Orders that filled before the cancel are not in `cancelled`.
 *
 * @example await cancelOpenOrders('kill switch: daily loss limit', deps) // { cancelled: [...], failed: [] }
 */
export async function cancelOpenOrders(reason: string, deps: ExecutionDependencies): Promise<CancelOpenOrdersResult> {
  const result: CancelOpenOrdersResult = { cancelled: [], failed: [] };
  for (const order of await deps.store.listOrders({ status: 'open', limit: ALL_OPEN })) {
    try {
      const applied = await cancelOrder(order.id, reason, deps);
      if (applied.order.status === 'cancelled') result.cancelled.push(applied.order);
    } catch (error) {
      result.failed.push({ orderId: order.id, clientOrderId: order.clientOrderId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/**
 * The end of the regular US session an order placed at `createdAt` belongs to: the first
 * 20:00 UTC (16:00 New York in summer time) at or after it.
 * @example defaultSessionEnd(new Date('2025-06-02T22:00:00Z')) // 2025-06-03T20:00:00.000Z
 */
export function defaultSessionEnd(createdAt: Date): Date {
  const end = new Date(Date.UTC(createdAt.getUTCFullYear(), createdAt.getUTCMonth(), createdAt.getUTCDate(), 20));
  return end.getTime() >= createdAt.getTime() ? end : new Date(end.getTime() + 86_400_000);
}

/**
 * Expire every open day order whose session ended at or before `asOf`: cancelled at the broker,
 * booked as expired.
 * @example await expireDayOrders(new Date('2025-06-02T20:00:00Z'), deps)
 */
export async function expireDayOrders(asOf: Date, deps: ExecutionDependencies, sessionEnd: (createdAt: Date) => Date = defaultSessionEnd): Promise<Order[]> {
  const expired: Order[] = [];
  for (const order of await deps.store.listOrders({ status: 'open', limit: ALL_OPEN })) {
    const end = sessionEnd(new Date(order.createdAt));
    if (order.timeInForce !== 'day' || end.getTime() > asOf.getTime()) continue;
    const applied = await cancelOrder(order.id, `day order expired at the session end ${end.toISOString()}`, deps, { as: 'expired' });
    if (applied.order.status === 'expired') expired.push(applied.order);
  }
  return expired;
}

/**
 * Book reports the venue produced on its own (e.g. the paper broker's fills on a new bar).
 * @example await applyVenueReports(await paper.processBar('AAPL', bar), deps)
 */
export async function applyVenueReports(reports: BrokerOrderReport[], deps: ExecutionDependencies): Promise<AppliedReport[]> {
  const applied: AppliedReport[] = [];
  for (const report of reports) {
    const order = await deps.store.getOrderByClientId(report.clientOrderId);
    if (order === null) throw new DeskError('integrity_error', `broker ${deps.broker.name} reports order ${report.clientOrderId}, which the desk never stored`, { clientOrderId: report.clientOrderId });
    applied.push(await bookReport(deps, order.id, report));
  }
  return applied;
}

export interface SyncResult {
  /** Open orders whose stored state changed to match the broker. */
  updated: Order[];
  /** Orders stored as new that the broker never received: sent now. */
  submitted: Order[];
  /** Open orders the broker does not know although they left 'new': flagged, not changed. */
  missingAtBroker: Order[];
  /** Working orders at the broker that the desk never stored: flagged. */
  unknownAtStore: BrokerOrderReport[];
  /** Symbols whose position differs between the broker and the books after the sync. */
  positionDifferences: Array<{ symbol: string; broker: string; store: string }>;
}

/**
 * Reconciliation on start (and after any fault): ask the broker for every open order and book
 * what it says (missed fills, cancellations, expiries); send orders that were stored but never
 * reached it (they were approved; the venue dedupes by clientOrderId); flag orders only one
 * side knows and positions that differ.
 *
 * @example const result = await syncWithBroker(deps); if (result.positionDifferences.length) alert(result)
 */
export async function syncWithBroker(deps: ExecutionDependencies): Promise<SyncResult> {
  const result: SyncResult = { updated: [], submitted: [], missingAtBroker: [], unknownAtStore: [], positionDifferences: [] };
  for (const order of (await deps.store.listOrders({ status: 'open', limit: ALL_OPEN })).reverse()) {
    const report = await deps.broker.getOrder(order.clientOrderId);
    deps.probe?.('sync:after-venue-report');
    if (report !== null) {
      const applied = await bookReport(deps, order.id, report);
      if (applied.order.status !== order.status || applied.fills.length > 0) result.updated.push(applied.order);
    } else if (order.status === 'new') {
      result.submitted.push((await submitAndBook(deps, order)).order);
    } else {
      result.missingAtBroker.push(order);
    }
  }
  for (const report of await deps.broker.listOpenOrders()) {
    if ((await deps.store.getOrderByClientId(report.clientOrderId)) === null) result.unknownAtStore.push(report);
  }
  result.positionDifferences = comparePositions(await deps.broker.getPositions(), await deps.store.getPositions());
  return result;
}

function comparePositions(broker: Array<{ symbol: string; quantity: Decimal }>, store: Position[]): SyncResult['positionDifferences'] {
  const symbols = [...new Set([...broker.map((entry) => entry.symbol), ...store.map((entry) => entry.symbol)])].sort();
  return symbols.flatMap((symbol) => {
    const held = broker.find((entry) => entry.symbol === symbol)?.quantity ?? Decimal.ZERO;
    const booked = Decimal.from(store.find((entry) => entry.symbol === symbol)?.quantity ?? '0');
    return held.eq(booked) ? [] : [{ symbol, broker: held.toString(), store: booked.toString() }];
  });
}

/** The order manager as one object: what the broker server, the CLI and the kill switch hold. */
export interface OrderManager {
  placeOrder(request: OrderRequest, context: PlaceOrderContext): Promise<PlaceOrderResult>;
  cancelOrder(orderId: string, reason: string): Promise<AppliedReport>;
  cancelOpenOrders(reason: string): Promise<CancelOpenOrdersResult>;
  expireDayOrders(asOf: Date): Promise<Order[]>;
  applyVenueReports(reports: BrokerOrderReport[]): Promise<AppliedReport[]>;
  syncWithBroker(): Promise<SyncResult>;
}

/**
 * Bind the order-manager operations to one set of dependencies.
 * @example const orders = createOrderManager({ store, broker, clock, ids, approvalSecrets }); await orders.cancelOpenOrders('kill switch on');
 */
export function createOrderManager(deps: PlaceOrderDependencies & { sessionEnd?: (createdAt: Date) => Date }): OrderManager {
  return {
    placeOrder: (request, context) => placeOrder(request, deps, context),
    cancelOrder: (orderId, reason) => cancelOrder(orderId, reason, deps),
    cancelOpenOrders: (reason) => cancelOpenOrders(reason, deps),
    expireDayOrders: (asOf) => expireDayOrders(asOf, deps, deps.sessionEnd),
    applyVenueReports: (reports) => applyVenueReports(reports, deps),
    syncWithBroker: () => syncWithBroker(deps),
  };
}
