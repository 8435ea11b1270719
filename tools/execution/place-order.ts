import { DeskError, type Broker, type BrokerExecution, type Clock, type ExecutionStore, type Fill, type IdSource, type Order, type OrderRequest } from '../../core/index.ts';
import { verifyApproval, type ApprovalKind } from '../risk/index.ts';
import { bookExecution } from './book-execution.ts';
import { assertSameOrder, newOrderRecord } from './order-records.ts';

export interface PlaceOrderDependencies {
  store: ExecutionStore;
  broker: Broker;
  clock: Clock;
  ids: IdSource;
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
 * or DeskError('approval_invalid') is thrown and nothing is written. A repeated clientOrderId
 * with the same fields returns the stored order (duplicate: true) without a second submission;
 * with other fields it is a DeskError('conflict'). Otherwise the order is stored as 'new',
 * submitted, and the outcome booked (fills, order, position, cash) in a second transaction.
 *
 * @example
 * const { order, fills } = await placeOrder(request, { store, broker, clock, ids, approvalSecrets },
 *   { threadId: 'thread_1', riskToken, criticToken });
 */
export async function placeOrder(request: OrderRequest, deps: PlaceOrderDependencies, context: PlaceOrderContext): Promise<PlaceOrderResult> {
  const now = deps.clock.now();
  requireApproval('risk', request, context.riskToken, deps.approvalSecrets.risk, now);
  requireApproval('critic', request, context.criticToken, deps.approvalSecrets.critic, now);
  const { order, duplicate } = await deps.store.transaction(async (transaction) => {
    const stored = await transaction.getOrderByClientId(request.clientOrderId);
    if (stored !== null) {
      assertSameOrder(stored, request);
      return { order: stored, duplicate: true };
    }
    const created = newOrderRecord(request, { id: deps.ids.next('ord'), threadId: context.threadId, now: now.toISOString() });
    await transaction.insertOrder(created);
    return { order: created, duplicate: false };
  });
  if (duplicate) return { order, fills: await deps.store.listFills({ orderId: order.id }), duplicate: true };
  const execution = await submit(deps, order);
  const booked = await deps.store.transaction((transaction) =>
    bookExecution(transaction, order, execution, { ids: deps.ids, now: deps.clock.now().toISOString() }),
  );
  return { ...booked, duplicate: false };
}

function requireApproval(kind: ApprovalKind, order: OrderRequest, token: string, secret: string, now: Date): void {
  const verification = verifyApproval({ secret, kind, order, token, now });
  if (!verification.valid) {
    throw new DeskError('approval_invalid', `${kind} approval: ${verification.reason}`, { field: `${kind}Token` });
  }
}

/**
 * A broker that throws (rather than rejecting) leaves no order stuck as 'new': it is booked as
 * rejected with the error's message, and the fault is rethrown as broker_rejected.
 */
async function submit(deps: PlaceOrderDependencies, order: Order): Promise<BrokerExecution> {
  try {
    return await deps.broker.submit(order);
  } catch (error) {
    const reason = `broker ${deps.broker.name} failed: ${error instanceof Error ? error.message : String(error)}`;
    await deps.store.transaction((transaction) =>
      bookExecution(transaction, order, { status: 'rejected', reason }, { ids: deps.ids, now: deps.clock.now().toISOString() }),
    );
    throw new DeskError('broker_rejected', reason, { orderId: order.id }, { cause: error });
  }
}
