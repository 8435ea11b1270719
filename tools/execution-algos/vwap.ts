import { Decimal, DeskError } from '../../core/index.ts';
import { childrenFrom, wholeShares, type ChildPlan } from './shares.ts';

export interface VolumeBucket {
  /** When the bucket starts (ISO, UTC): its child's release time. */
  start: string;
  /** Expected volume, or any weight (shares, percent of day); >= 0. */
  volume: number | string;
}

export interface VwapInput {
  parentId: string;
  quantity: string;
  profile: VolumeBucket[];
}

/**
 * Slices in proportion to a volume profile, in whole shares by the largest-remainder method on
 * exact integers: bucket i gets ⌊Q·vᵢ/V⌋, and the shares left go one each to the buckets with the
 * largest remainders (earlier first on ties). The children sum to Q exactly.
 *
 * @example vwapSchedule({ parentId: 'p1', quantity: '100', profile: [{ start: t0, volume: 3 }, { start: t1, volume: 1 }] }) // 75, 25
 */
export function vwapSchedule(input: VwapInput): ChildPlan[] {
  const total = wholeShares(input.quantity, 'quantity');
  if (input.profile.length === 0) throw new DeskError('invalid_input', 'profile must hold at least one bucket', { field: 'profile' });
  const weights = input.profile.map((bucket, index) => {
    const weight = Decimal.from(bucket.volume, `profile[${index}].volume`);
    if (weight.isNegative()) throw new DeskError('invalid_input', `profile[${index}].volume must be >= 0 (got ${bucket.volume})`, { field: `profile[${index}].volume` });
    return weight.units;
  });
  const sum = weights.reduce((left, right) => left + right, 0n);
  if (sum === 0n) throw new DeskError('invalid_input', 'profile volumes must not all be 0', { field: 'profile' });
  const shares = weights.map((weight) => (total * weight) / sum);
  let left = total - shares.reduce((sumSoFar, value) => sumSoFar + value, 0n);
  const byRemainder = weights.map((weight, index) => ({ index, remainder: (total * weight) % sum }))
    .sort((first, second) => (first.remainder === second.remainder ? first.index - second.index : first.remainder > second.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    shares[index] += 1n;
    left -= 1n;
  }
  return childrenFrom(input.parentId, shares.map((quantity, index) => ({ quantity, releaseAt: input.profile[index].start })));
}
