import { DeskError } from '../../core/index.ts';

/**
 * Reject a period that is not a whole number >= `minimum` (default 1) with
 * DeskError('invalid_input'); `field` names the parameter (default 'period').
 * @example assertPeriod(20, 'sma') // ok; assertPeriod(0, 'sma') throws
 */
export function assertPeriod(period: number, indicator: string, field = 'period', minimum = 1): void {
  if (!Number.isInteger(period) || period < minimum) {
    throw new DeskError('invalid_input', `${indicator} ${field} must be a whole number >= ${minimum} (got ${period})`, { field });
  }
}
