import { DeskError } from '../../core/index.ts';
import { childrenFrom, instantAfter, wholeShares, type ChildPlan } from './shares.ts';

export interface TwapInput {
  parentId: string;
  /** Whole shares. */
  quantity: string;
  slices: number;
  /** First release (ISO, UTC); slice k is released at start + k × intervalMs. */
  start: string;
  intervalMs: number;
}

/**
 * Equal slices over N intervals in whole shares: slice k gets ⌊(k+1)Q/N⌋ − ⌊kQ/N⌋, so the
 * remainder is spread evenly through the schedule and the slices sum to Q exactly. Slices that
 * would be empty (Q < N) are left out.
 *
 * @example twapSchedule({ parentId: 'p1', quantity: '10', slices: 4, start: '2025-06-02T14:30:00Z', intervalMs: 60_000 }).map((child) => child.quantity) // ['2', '3', '2', '3']
 */
export function twapSchedule(input: TwapInput): ChildPlan[] {
  const total = wholeShares(input.quantity, 'quantity');
  if (!Number.isInteger(input.slices) || input.slices < 1) {
    throw new DeskError('invalid_input', `slices must be a whole number >= 1 (got ${input.slices})`, { field: 'slices' });
  }
  if (!Number.isFinite(input.intervalMs) || input.intervalMs < 0) {
    throw new DeskError('invalid_input', `intervalMs must be a number >= 0 (got ${input.intervalMs})`, { field: 'intervalMs' });
  }
  const first = Date.parse(instantAfter(input.start, 0));
  const slices = BigInt(input.slices);
  const slots = Array.from({ length: input.slices }, (_, index) => {
    const k = BigInt(index);
    return { quantity: ((k + 1n) * total) / slices - (k * total) / slices, releaseAt: new Date(first + index * input.intervalMs).toISOString() };
  });
  return childrenFrom(input.parentId, slots);
}
