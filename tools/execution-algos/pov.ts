import { Decimal, DeskError } from '../../core/index.ts';
import { childrenFrom, floorShares, wholeShares, type ChildPlan } from './shares.ts';

export interface PovLimits {
  /** Fraction of the market's volume to take, in (0, 1). */
  participation: number;
  /** Largest child, in whole shares (optional cap). */
  maxChildQuantity?: string;
}

/**
 * The next POV child: ⌊participation × observed volume⌋ whole shares, capped by the child limit
 * and by what remains of the parent; 0 when the interval traded too little.
 *
 * @example povChildQuantity({ participation: 0.1 }, 12_345, 1_000n) // 1000n (⌊1,234.5⌋ capped by the 1,000 remaining)
 */
export function povChildQuantity(limits: PovLimits, observedVolume: number | string, remaining: bigint): bigint {
  const rate = participationRate(limits.participation);
  const volume = Decimal.from(observedVolume, 'observedVolume');
  if (volume.isNegative()) throw new DeskError('invalid_input', `observedVolume must be >= 0 (got ${observedVolume})`, { field: 'observedVolume' });
  let quantity = floorShares(volume.mul(rate));
  if (limits.maxChildQuantity !== undefined) {
    const cap = wholeShares(limits.maxChildQuantity, 'maxChildQuantity');
    if (quantity > cap) quantity = cap;
  }
  return quantity > remaining ? remaining : quantity;
}

export interface PovInput extends PovLimits {
  parentId: string;
  quantity: string;
  /** Market volume per interval (observed, or a forecast), oldest first. */
  volumes: Array<{ at: string; volume: number | string }>;
}

/**
 * A POV schedule over a sequence of interval volumes: one child per interval until the parent is
 * done; `unscheduled` is what the volumes were too thin to place.
 *
 * @example povSchedule({ parentId: 'p1', quantity: '500', participation: 0.1, volumes }).unscheduled // '0'
 */
export function povSchedule(input: PovInput): { children: ChildPlan[]; unscheduled: string } {
  let remaining = wholeShares(input.quantity, 'quantity');
  const slots = input.volumes.map((interval) => {
    const quantity = povChildQuantity(input, interval.volume, remaining);
    remaining -= quantity;
    return { quantity, releaseAt: interval.at };
  });
  return { children: childrenFrom(input.parentId, slots), unscheduled: remaining.toString() };
}

function participationRate(value: number): Decimal {
  if (!Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new DeskError('invalid_input', `participation must be a fraction in (0, 1) (got ${value})`, { field: 'participation' });
  }
  return Decimal.from(value, 'participation');
}
