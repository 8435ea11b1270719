import { DeskError } from '../../core/index.ts';

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Milliseconds since the epoch of a YYYY-MM-DD date at 00:00 UTC; rejects malformed or
 * impossible dates (2025-02-30) with DeskError('invalid_input').
 *
 * @example parseIsoDate('2025-01-02', 'startDate') // 1735776000000
 */
export function parseIsoDate(text: string, field: string): number {
  const match = DATE_PATTERN.exec(text);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || formatIsoDate(time) !== text) {
    throw new DeskError('invalid_input', `${field} must be a real date as YYYY-MM-DD (got ${JSON.stringify(text)})`, { field });
  }
  return time;
}

/**
 * YYYY-MM-DD (UTC) of an epoch time in milliseconds.
 * @example formatIsoDate(Date.UTC(2025, 0, 2)) // '2025-01-02'
 */
export function formatIsoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Weekdays (Monday to Friday) from startDate to endDate inclusive, in UTC. Holidays are not
 * removed: this is the calendar of the synthetic market, not of an exchange.
 *
 * @example
 * businessDays('2025-01-03', '2025-01-07'); // ['2025-01-03', '2025-01-06', '2025-01-07']
 */
export function businessDays(startDate: string, endDate: string): string[] {
  const start = parseIsoDate(startDate, 'startDate');
  const end = parseIsoDate(endDate, 'endDate');
  if (start > end) {
    throw new DeskError('invalid_input', `startDate ${startDate} is after endDate ${endDate}`, { field: 'startDate' });
  }
  const days: string[] = [];
  for (let time = start; time <= end; time += DAY_MS) {
    const weekday = new Date(time).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(formatIsoDate(time));
  }
  return days;
}

/**
 * Shift a date by whole calendar months (negative = back), keeping the day of month where it
 * exists and otherwise using the month's last day (2024-02-29 minus 12 months = 2023-02-28).
 *
 * @example shiftMonths('2025-12-31', -120) // '2015-12-31'
 */
export function shiftMonths(date: string, months: number): string {
  const time = parseIsoDate(date, 'date');
  const value = new Date(time);
  const monthIndex = value.getUTCFullYear() * 12 + value.getUTCMonth() + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return formatIsoDate(Date.UTC(year, month, Math.min(value.getUTCDate(), lastDay)));
}
