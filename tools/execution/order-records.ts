import { Decimal, DeskError, type Order, type OrderRequest } from '../../core/index.ts';

/**
 * The stored form of a new order: status 'new', nothing filled yet, time in force day unless given.
 * @example newOrderRecord(request, { id: 'ord_000001', threadId: null, now: '2025-06-02T14:30:00.000Z', broker: 'paper' })
 */
export function newOrderRecord(request: OrderRequest, identity: { id: string; threadId: string | null; now: string; broker?: string }): Order {
  return {
    id: identity.id,
    clientOrderId: request.clientOrderId,
    symbol: request.symbol.toUpperCase(),
    side: request.side,
    quantity: Decimal.from(request.quantity, 'quantity').toString(),
    type: request.type ?? 'market',
    limitPrice: request.limitPrice === undefined ? null : Decimal.from(request.limitPrice, 'limitPrice').toString(),
    stopPrice: request.stopPrice === undefined ? null : Decimal.from(request.stopPrice, 'stopPrice').toString(),
    timeInForce: request.timeInForce ?? 'day',
    status: 'new',
    filledQuantity: '0',
    averagePrice: null,
    rejectReason: null,
    threadId: identity.threadId,
    broker: identity.broker ?? null,
    brokerOrderId: null,
    createdAt: identity.now,
    updatedAt: identity.now,
  };
}

/**
 * Refuse a reused clientOrderId whose fields differ from the stored order: DeskError('conflict')
 * naming every field that differs.
 *
 * @example assertSameOrder(stored, request) // throws when request.quantity differs
 */
export function assertSameOrder(stored: Order, request: OrderRequest): void {
  const wanted = newOrderRecord(request, { id: stored.id, threadId: stored.threadId, now: stored.createdAt });
  const fields = ['symbol', 'side', 'quantity', 'type', 'limitPrice', 'stopPrice', 'timeInForce'] as const;
  const differing = fields.filter((field) => !sameValue(stored[field], wanted[field]));
  if (differing.length > 0) {
    const detail = differing.map((field) => `${field} ${JSON.stringify(wanted[field])} vs stored ${JSON.stringify(stored[field])}`).join(', ');
    throw new DeskError('conflict', `clientOrderId ${request.clientOrderId} is already used by order ${stored.id} with different fields: ${detail}`, {
      field: 'clientOrderId', orderId: stored.id, differing,
    });
  }
}

/** Decimal-aware equality, so '10' and '10.00' are the same quantity. */
function sameValue(left: string | null, right: string | null): boolean {
  if (left === null || right === null) return left === right;
  if (/^-?\d+(\.\d+)?$/.test(left) && /^-?\d+(\.\d+)?$/.test(right)) return Decimal.from(left).eq(Decimal.from(right));
  return left === right;
}
