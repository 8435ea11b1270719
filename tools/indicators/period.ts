import { DeskError } from '../../core/index.ts';

/**
 * Reject a period that is not a whole number >= 1 with DeskError('invalid_input').
 * @example assertPeriod(20, 'sma') // ok; assertPeriod(0, 'sma') throws
 */
export function assertPeriod(period: number, indicator: string): void {
  if (!Number.isInteger(period) || period < 1) {
    throw new DeskError('invalid_input', `${indicator} period must be a whole number >= 1 (got ${period})`, { field: 'period' });
  }
}
