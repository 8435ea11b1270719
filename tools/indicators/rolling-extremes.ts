import { assertPeriod } from './period.ts';
import { nanArray } from './validation.ts';

/**
 * Rolling minimum of the last `period` values (TA-Lib MIN), NaN for the first period−1. O(n)
 * with a monotonic deque: each index enters and leaves it at most once.
 *
 * @example rollingMin(Float64Array.of(3, 1, 4, 1, 5), 2) // [NaN, 1, 1, 1, 1]
 */
export function rollingMin(values: Float64Array, period: number): Float64Array {
  assertPeriod(period, 'rollingMin');
  return rollingExtreme(values, period, false);
}

/**
 * Rolling maximum of the last `period` values (TA-Lib MAX), NaN for the first period−1. O(n)
 * with a monotonic deque.
 *
 * @example rollingMax(Float64Array.of(3, 1, 4, 1, 5), 2) // [NaN, 3, 4, 4, 5]
 */
export function rollingMax(values: Float64Array, period: number): Float64Array {
  assertPeriod(period, 'rollingMax');
  return rollingExtreme(values, period, true);
}

/**
 * The deque holds indices whose values run from the extreme (front) to the newest (back); a new
 * value evicts every kept value it ties or beats. A ring of `period` slots suffices because the
 * deque never holds more than the window. The comparison is a flag, not a callback, so V8 keeps
 * the loop tight.
 */
function rollingExtreme(values: Float64Array, period: number, maximum: boolean): Float64Array {
  const result = nanArray(values.length);
  const ring = new Int32Array(period);
  let head = 0;
  let size = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    while (size > 0) {
      let back = head + size - 1;
      if (back >= period) back -= period;
      const kept = values[ring[back]];
      if (maximum ? value < kept : value > kept) break;
      size--;
    }
    if (size > 0 && ring[head] <= index - period) {
      head = head + 1 === period ? 0 : head + 1;
      size--;
    }
    let slot = head + size;
    if (slot >= period) slot -= period;
    ring[slot] = index;
    size++;
    if (index >= period - 1) result[index] = values[ring[head]];
  }
  return result;
}
