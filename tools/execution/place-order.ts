import { DeskError, type Broker, type BrokerOrderReport, type Clock, type ExecutionStore, type Fill, type IdSource, type Order, type OrderRequest } from '../../core/index.ts';
import { verifyApproval, type ApprovalKind } from '../risk/index.ts';
import { applyBrokerReport, type AppliedReport } from './apply-report.ts';
import { assertSameOrder, newOrderRecord } from './order-records.ts';
import { assertTransition } from './order-state.ts';
import type { ExecutionProbe } from './probes.ts';

/** What every order-manager operation needs: the books, the venue, time, ids, and an optional crash probe. */
export interface ExecutionDependencies {
  store: ExecutionStore;
  broker: Broker;
  clock: Clock;
  ids: IdSource;
  probe?: ExecutionProbe;
}

export interface PlaceOrderDependencies extends ExecutionDependencies {
  approvalSecrets: { risk: string; critic: string };
}

export interface PlaceOrderContext {
  threadId: string | null;
  riskToken: string;
  criticToken: string;
}

export interface PlaceOrderResult {
  order: Order;
  fills: Fill[];
  duplicate: boolean;
}

/**
 * Place an approved order. Both approvals (risk and critic) must verify against the exact order,
 * or DeskError('approval_invalid') is thrown and nothing is written. The order is stored as
 * 'new' with its event (one transaction), sent to the broker under its clientOrderId, and the
 * broker's report booked (fills, events, position, cash, projection; a second transaction).
 * A repeated clientOrderId with the same fields returns the stored order (duplicate: true)
 * without a second order at the broker; if the first attempt stopped before the broker's answer
 * was booked, the repeat finishes it. Other fields under the same id: DeskError('conflict').
 *
 * @example
 * const { order, fills } = await placeOrder(request, { store, broker, clock, ids, approvalSecrets },
 *   { threadId: 'thread_1', riskToken, criticToken });
 */
export async function placeOrder(request: OrderRequest, deps: PlaceOrderDependencies, context: PlaceOrderContext): Promise<PlaceOrderResult> {
  const now = deps.clock.now();
  requireApproval('risk', request, context.riskToken, deps.approvalSecrets.risk, now);
  requireApproval('critic', request, context.criticToken, deps.approvalSecrets.critic, now);
  const { order, duplicate } = await deps.store.transaction(async (tx) => {
    const stored = await tx.getOrderByClientId(request.clientOrderId);
    if (stored !== null) {
      assertSameOrder(stored, request);
      return { order: stored, duplicate: true };
    }
    deps.probe?.('place:before-insert');
    const created = newOrderRecord(request, { id: deps.ids.next('ord'), threadId: context.threadId, now: now.toISOString(), broker: deps.broker.name });
    await tx.insertOrder(created);
    deps.probe?.('place:after-insert');
    await tx.appendOrderEvent({ orderId: created.id, fromStatus: null, toStatus: 'new', fillId: null, fillQuantity: null, fillPrice: null, commission: null, reason: null, at: created.createdAt });
    deps.probe?.('place:after-new-event');
    return { order: created, duplicate: false };
  });
  deps.probe?.('place:after-store-commit');
  if (duplicate && order.status !== 'new') return { order, fills: await deps.store.listFills({ orderId: order.id }), duplicate };
  const booked = await submitAndBook(deps, order);
  if (!duplicate) return { ...booked, duplicate };
  return { order: booked.order, fills: await deps.store.listFills({ orderId: order.id }), duplicate };
}

/**
 * Send a stored 'new' order and book the answer. When the broker throws, the outcome is unknown:
 * ask it for the order; unknown there means it never arrived (booked as rejected, and
 * DeskError('broker_rejected') is thrown); if even that fails the order stays 'new' for
 * reconciliation to settle.
 */
export async function submitAndBook(deps: ExecutionDependencies, order: Order): Promise<AppliedReport> {
  let report: BrokerOrderReport | null;
  try {
    report = await deps.broker.submit(order);
  } catch (error) {
    const reason = `broker ${deps.broker.name} failed: ${error instanceof Error ? error.message : String(error)}`;
    report = await deps.broker.getOrder(order.clientOrderId).catch(() => {
      throw new DeskError('broker_rejected', `${reason}; the order stays new until reconciliation learns its outcome`, { orderId: order.id }, { cause: error });
    });
    if (report === null) {
      await bookLocalTransition(deps, order.id, 'rejected', reason);
      throw new DeskError('broker_rejected', reason, { orderId: order.id }, { cause: error });
    }
  }
  deps.probe?.('place:after-submit');
  return bookReport(deps, order.id, report);
}

/** Apply a broker report in its own transaction. */
export async function bookReport(deps: ExecutionDependencies, orderId: string, report: BrokerOrderReport, options: { cancelledAs?: 'cancelled' | 'expired'; reason?: string } = {}): Promise<AppliedReport> {
  const applied = await deps.store.transaction((tx) => applyBrokerReport(tx, orderId, report, { ids: deps.ids, now: deps.clock.now().toISOString(), probe: deps.probe, ...options }));
  deps.probe?.('book:after-commit');
  return applied;
}

/** A transition the venue has no part in (e.g. an order it never received is cancelled or rejected here). */
export async function bookLocalTransition(deps: ExecutionDependencies, orderId: string, to: 'rejected' | 'cancelled' | 'expired', reason: string): Promise<Order> {
  return deps.store.transaction(async (tx) => {
    const order = await tx.getOrder(orderId);
    if (order === null) throw new DeskError('not_found', `no order ${orderId}`, { orderId });
    assertTransition(order.id, order.status, to);
    const now = deps.clock.now().toISOString();
    await tx.appendOrderEvent({ orderId, fromStatus: order.status, toStatus: to, fillId: null, fillQuantity: null, fillPrice: null, commission: null, reason, at: now });
    const updated: Order = { ...order, status: to, rejectReason: reason, updatedAt: now };
    await tx.updateOrder(updated);
    return updated;
  });
}

function requireApproval(kind: ApprovalKind, order: OrderRequest, token: string, secret: string, now: Date): void {
  const verification = verifyApproval({ secret, kind, order, token, now });
  if (!verification.valid) {
    throw new DeskError('approval_invalid', `${kind} approval: ${verification.reason}`, { field: `${kind}Token` });
  }
}
