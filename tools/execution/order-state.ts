import { DeskError, type OrderStatus } from '../../core/index.ts';

/**
 * The order life cycle as an explicit table: from each status, the statuses it may move to.
 * new: stored, not yet acknowledged; accepted: working at the venue; partially_filled: working
 * with some quantity filled (another partial fill stays partially_filled). filled, cancelled,
 * rejected and expired are final. A market order may go from new straight to filled.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = Object.freeze({
  new: ['accepted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'],
  accepted: ['partially_filled', 'filled', 'cancelled', 'rejected', 'expired'],
  partially_filled: ['partially_filled', 'filled', 'cancelled', 'expired'],
  filled: [],
  cancelled: [],
  rejected: [],
  expired: [],
});

/** Statuses an order is still working in (and can be cancelled from). */
export const OPEN_STATUSES: readonly OrderStatus[] = Object.freeze(['new', 'accepted', 'partially_filled']);

/** True while the order can still fill or be cancelled. @example isOpenStatus('accepted') // true */
export function isOpenStatus(status: OrderStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Whether `from -> to` is in the table. @example canTransition('filled', 'cancelled') // false */
export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/**
 * Refuse an illegal transition with DeskError('invalid_transition') naming the order, both
 * statuses and what is allowed from the current one.
 *
 * @example assertTransition('ord_1', 'filled', 'cancelled') // throws: order ord_1 is filled ...
 */
export function assertTransition(orderId: string, from: OrderStatus, to: OrderStatus): void {
  if (canTransition(from, to)) return;
  const allowed = ORDER_TRANSITIONS[from];
  const detail = allowed.length === 0 ? `${from} is final` : `from ${from} it may become ${allowed.join(', ')}`;
  throw new DeskError('invalid_transition', `order ${orderId} cannot go from ${from} to ${to}: ${detail}`, { orderId, from, to, allowed });
}
