import { Decimal, DeskError, type OrderSide } from '../../core/index.ts';
import { wholeShares, type ChildPlan } from './shares.ts';

export type ChildState = 'planned' | 'sent' | 'partially_filled' | 'filled' | 'cancelled';

export interface ChildOrder extends ChildPlan {
  state: ChildState;
  filledQuantity: string;
  /** Σ quantity × price of the child's fills, exact. */
  filledValue: string;
}

export interface ParentOrder {
  parentId: string;
  symbol: string;
  side: OrderSide;
  algorithm: 'twap' | 'vwap' | 'pov';
  quantity: string;
  children: ChildOrder[];
}

export interface ParentProgress {
  planned: string;
  sent: string;
  filled: string;
  /** Parent quantity not yet filled. */
  remaining: string;
  /** Parent quantity not yet in any live or filled child (what a POV parent may still plan). */
  unplanned: string;
  averagePrice: string | null;
  /** filled / quantity, 8 places. */
  completion: string;
  done: boolean;
}

/**
 * A parent order over its planned children; planned children may not exceed the parent.
 * @example const parent = createParentOrder({ parentId: 'p1', symbol: 'AAPL', side: 'buy', algorithm: 'twap', quantity: '1000' }, twapSchedule(...));
 */
export function createParentOrder(parent: Omit<ParentOrder, 'children'>, plan: ChildPlan[]): ParentOrder {
  wholeShares(parent.quantity, 'quantity');
  return addChildren({ ...parent, children: [] }, plan);
}

/** Add planned children (a POV parent plans as volume arrives); refuses more than the parent's quantity. */
export function addChildren(parent: ParentOrder, plan: ChildPlan[]): ParentOrder {
  const children = [...parent.children, ...plan.map((child) => {
    wholeShares(child.quantity, `child ${child.childId} quantity`);
    return { ...child, state: 'planned' as const, filledQuantity: '0', filledValue: '0' };
  })];
  const ids = new Set(children.map((child) => child.childId));
  if (ids.size !== children.length) throw new DeskError('conflict', `parent ${parent.parentId} already has a child with one of these ids`, { parentId: parent.parentId });
  const committed = children.reduce((sum, child) => sum.add(committedQuantity(child)), Decimal.ZERO);
  if (committed.gt(Decimal.from(parent.quantity))) {
    throw new DeskError('invalid_input', `children of ${parent.parentId} would hold ${committed} shares, more than the parent's ${parent.quantity}`, { field: 'children', parentId: parent.parentId });
  }
  return { ...parent, children };
}

/** The child was sent to the venue. */
export function markChildSent(parent: ParentOrder, childId: string): ParentOrder {
  return updateChild(parent, childId, (child) => {
    if (child.state !== 'planned') throw new DeskError('conflict', `child ${childId} is ${child.state}, not planned`, { childId });
    return { ...child, state: 'sent' };
  });
}

/**
 * Book a fill on a sent child; refuses a fill beyond the child's quantity.
 * @example applyChildFill(parent, 'p1-1', '40', '187.43')
 */
export function applyChildFill(parent: ParentOrder, childId: string, quantity: string, price: string): ParentOrder {
  const filled = positive(quantity, 'quantity');
  const fillPrice = positive(price, 'price');
  return updateChild(parent, childId, (child) => {
    if (child.state !== 'sent' && child.state !== 'partially_filled') throw new DeskError('conflict', `child ${childId} is ${child.state}; only a sent child can fill`, { childId });
    const total = Decimal.from(child.filledQuantity).add(filled);
    if (total.gt(Decimal.from(child.quantity))) {
      throw new DeskError('invalid_input', `a fill of ${quantity} would take child ${childId} to ${total}, above its ${child.quantity}`, { field: 'quantity', childId });
    }
    const state = total.eq(Decimal.from(child.quantity)) ? 'filled' : 'partially_filled';
    return { ...child, state, filledQuantity: total.toString(), filledValue: Decimal.from(child.filledValue).add(filled.mul(fillPrice)).toString() };
  });
}

/** The venue cancelled (or the trader withdrew) a child; its unfilled shares return to the parent. */
export function cancelChild(parent: ParentOrder, childId: string): ParentOrder {
  return updateChild(parent, childId, (child) => {
    if (child.state === 'filled' || child.state === 'cancelled') throw new DeskError('conflict', `child ${childId} is already ${child.state}`, { childId });
    return { ...child, state: 'cancelled' };
  });
}

/** Planned, sent, filled and remaining quantities, average price and completion of a parent. */
export function parentProgress(parent: ParentOrder): ParentProgress {
  let planned = Decimal.ZERO;
  let sent = Decimal.ZERO;
  let filled = Decimal.ZERO;
  let value = Decimal.ZERO;
  let committed = Decimal.ZERO;
  for (const child of parent.children) {
    const size = Decimal.from(child.quantity);
    const childFilled = Decimal.from(child.filledQuantity);
    const cancelled = child.state === 'cancelled';
    if (!cancelled) planned = planned.add(size);
    if (child.state !== 'planned') sent = sent.add(cancelled ? childFilled : size);
    committed = committed.add(cancelled ? childFilled : size);
    filled = filled.add(childFilled);
    if (!childFilled.isZero()) value = value.add(Decimal.from(child.filledValue));
  }
  const quantity = Decimal.from(parent.quantity);
  return {
    planned: planned.toString(),
    sent: sent.toString(),
    filled: filled.toString(),
    remaining: quantity.sub(filled).toString(),
    unplanned: quantity.sub(committed).toString(),
    averagePrice: filled.isZero() ? null : value.div(filled).toString(),
    completion: filled.div(quantity).toString(),
    done: filled.eq(quantity),
  };
}

/** Shares a child holds against the parent: all of it while live, only its fills once cancelled. */
function committedQuantity(child: ChildOrder): Decimal {
  return child.state === 'cancelled' ? Decimal.from(child.filledQuantity) : Decimal.from(child.quantity);
}

function updateChild(parent: ParentOrder, childId: string, change: (child: ChildOrder) => ChildOrder): ParentOrder {
  const index = parent.children.findIndex((child) => child.childId === childId);
  if (index < 0) throw new DeskError('not_found', `parent ${parent.parentId} has no child ${childId}`, { childId });
  const children = parent.children.slice();
  children[index] = change(children[index]);
  return { ...parent, children };
}

function positive(value: string, field: string): Decimal {
  const decimal = Decimal.from(value, field);
  if (!decimal.gt(Decimal.ZERO)) throw new DeskError('invalid_input', `${field} must be > 0 (got ${value})`, { field });
  return decimal;
}
