import { Decimal, DeskError } from '../../core/index.ts';

/** A child order as planned: whole shares, released at an instant (ISO, UTC). */
export interface ChildPlan {
  childId: string;
  sequence: number;
  quantity: string;
  releaseAt: string;
}

const UNITS_PER_SHARE = Decimal.from(1).units;

/**
 * A whole, positive number of shares as a bigint; DeskError naming the field otherwise.
 * @example wholeShares('1000000', 'quantity') // 1000000n
 */
export function wholeShares(value: string | number, field: string): bigint {
  const decimal = Decimal.from(value, field);
  if (decimal.units % UNITS_PER_SHARE !== 0n || !decimal.gt(Decimal.ZERO)) {
    throw new DeskError('invalid_input', `${field} must be a whole number of shares > 0 (got ${value})`, { field });
  }
  return decimal.units / UNITS_PER_SHARE;
}

/** Whole shares in a non-negative Decimal, rounded down. */
export function floorShares(value: Decimal): bigint {
  return value.isNegative() ? 0n : value.units / UNITS_PER_SHARE;
}

/** The instant `offsetMs` after `start`, as ISO; refuses a start that is not a timestamp. */
export function instantAfter(start: string, offsetMs: number): string {
  const base = Date.parse(start);
  if (Number.isNaN(base)) throw new DeskError('invalid_input', `start must be an ISO-8601 instant (got ${JSON.stringify(start)})`, { field: 'start' });
  return new Date(base + offsetMs).toISOString();
}

/** Children from per-slot share counts, skipping empty slots; ids are `${parentId}-${n}`. */
export function childrenFrom(parentId: string, slots: Array<{ quantity: bigint; releaseAt: string }>): ChildPlan[] {
  return slots.filter((slot) => slot.quantity > 0n).map((slot, index) => ({
    childId: `${parentId}-${index + 1}`, sequence: index + 1, quantity: slot.quantity.toString(), releaseAt: slot.releaseAt,
  }));
}
