import { DeskError } from '../../core/index.ts';

/** High, low and close prices of the same bars, index-aligned. */
export type HighLowClose = { high: Float64Array; low: Float64Array; close: Float64Array };

/**
 * Reject arrays of unequal length with DeskError('invalid_input'), naming each field and length.
 * @example assertSameLength('atr', { high, low, close }) // throws if high.length !== low.length
 */
export function assertSameLength(indicator: string, series: Record<string, ArrayLike<unknown>>): number {
  const entries = Object.entries(series);
  const length = entries[0][1].length;
  if (entries.some(([, values]) => values.length !== length)) {
    const lengths = entries.map(([name, values]) => `${name}=${values.length}`).join(', ');
    throw new DeskError('invalid_input', `${indicator} inputs must have equal lengths (got ${lengths})`, {
      field: entries.map(([name]) => name).join(','),
    });
  }
  return length;
}

/**
 * Reject a parameter that is not a finite number >= `minimum` with DeskError('invalid_input').
 * @example assertNumberAtLeast(2, 0, 'bollinger', 'k') // ok; assertNumberAtLeast(-1, 0, 'bollinger', 'k') throws
 */
export function assertNumberAtLeast(value: number, minimum: number, indicator: string, field: string): void {
  if (!Number.isFinite(value) || value < minimum) {
    throw new DeskError('invalid_input', `${indicator} ${field} must be a finite number >= ${minimum} (got ${value})`, { field });
  }
}

/**
 * A result array of `length` NaNs, for the warm-up convention shared by every indicator.
 * @example nanArray(2) // Float64Array [NaN, NaN]
 */
export function nanArray(length: number): Float64Array {
  return new Float64Array(length).fill(Number.NaN);
}
