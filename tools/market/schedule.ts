import { DeskError, type Clock, type Timers } from '../../core/index.ts';

/** When to run: every fixed interval, or a 5-field cron expression in UTC. */
export type Schedule =
  | { kind: 'interval'; everyMs: number; text: string }
  | { kind: 'cron'; minutes: Set<number>; hours: Set<number>; days: Set<number>; months: Set<number>; weekdays: Set<number>; text: string };

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const FIELDS = [['minute', 0, 59], ['hour', 0, 23], ['day of month', 1, 31], ['month', 1, 12], ['day of week', 0, 6]] as const;
const MINUTE_MS = 60_000;

/**
 * Parse `every 15m` (s, m, h, d) or a cron subset in UTC: `minute hour day month weekday`, each
 * field `*`, a number, a range `a-b`, a list `a,b` or a step `*\/n` (weekday 0 = Sunday).
 * @example parseSchedule('30 22 * * 1-5') // weekdays at 22:30 UTC
 */
export function parseSchedule(text: string): Schedule {
  const trimmed = text.trim();
  const interval = /^every\s+(\d+)\s*([smhd])$/i.exec(trimmed);
  if (interval) {
    const everyMs = Number(interval[1]) * UNITS[interval[2].toLowerCase()];
    if (everyMs < 1_000) throw scheduleError(text, 'an interval must be at least 1s');
    return { kind: 'interval', everyMs, text: trimmed };
  }
  const parts = trimmed.split(/\s+/);
  if (parts.length !== 5) throw scheduleError(text, 'expected "every N(s|m|h|d)" or 5 cron fields: minute hour day month weekday');
  const [minutes, hours, days, months, weekdays] = parts.map((part, index) => parseField(part, FIELDS[index], text));
  return { kind: 'cron', minutes, hours, days, months, weekdays, text: trimmed };
}

function parseField(part: string, [name, min, max]: readonly [string, number, number], text: string): Set<number> {
  const values = new Set<number>();
  for (const item of part.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) throw scheduleError(text, `${name} field ${JSON.stringify(item)} is not *, N, A-B, a list or a step`);
    const start = match[1] === '*' ? min : Number(match[2]);
    const end = match[1] === '*' ? max : match[3] !== undefined ? Number(match[3]) : match[4] !== undefined ? max : start;
    const step = match[4] !== undefined ? Number(match[4]) : 1;
    if (start < min || end > max || start > end || step < 1) throw scheduleError(text, `${name} must be within ${min}-${max} (got ${JSON.stringify(item)})`);
    for (let value = start; value <= end; value += step) values.add(value);
  }
  return values;
}

function scheduleError(text: string, why: string): DeskError {
  return new DeskError('invalid_input', `schedule ${JSON.stringify(text)}: ${why}`, { field: 'schedule' });
}

/**
 * The first run time strictly after `after`: the next multiple of the interval since the epoch,
 * or the next whole UTC minute matching every cron field (day of month and weekday both apply).
 * @example nextRunAfter(parseSchedule('0 22 * * 1-5'), new Date('2025-01-03T23:00:00Z')) // 2025-01-06T22:00Z
 */
export function nextRunAfter(schedule: Schedule, after: Date): Date {
  const time = after.getTime();
  if (schedule.kind === 'interval') return new Date((Math.floor(time / schedule.everyMs) + 1) * schedule.everyMs);
  let candidate = (Math.floor(time / MINUTE_MS) + 1) * MINUTE_MS;
  const limit = time + 366 * 86_400_000 * 5;
  while (candidate <= limit) {
    const date = new Date(candidate);
    if (!schedule.months.has(date.getUTCMonth() + 1) || !schedule.days.has(date.getUTCDate()) || !schedule.weekdays.has(date.getUTCDay())) {
      candidate = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
    } else if (!schedule.hours.has(date.getUTCHours())) {
      candidate = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours() + 1);
    } else if (!schedule.minutes.has(date.getUTCMinutes())) {
      candidate += MINUTE_MS;
    } else {
      return date;
    }
  }
  throw scheduleError(schedule.text, 'never matches a real date');
}

export interface Scheduler {
  /** The next planned run, or null when stopped. */
  next(): Date | null;
  stop(): void;
}

/**
 * Run `job` on `schedule` with an injected clock and timers. Runs never overlap: the next time is
 * planned after a run finishes. A failing job is reported to `onError` and the schedule goes on.
 *
 * @example
 * const scheduler = startScheduler({ schedule: parseSchedule('every 1h'), clock, timers, job: refreshAll });
 */
export function startScheduler(options: { schedule: Schedule; clock: Clock; timers: Timers; job: () => Promise<void>; onError?: (error: unknown) => void }): Scheduler {
  let planned: Date | null = null;
  let handle: unknown = null;
  let stopped = false;
  const plan = () => {
    if (stopped) return;
    const now = options.clock.now();
    planned = nextRunAfter(options.schedule, now);
    handle = options.timers.setTimeout(fire, planned.getTime() - now.getTime());
  };
  const fire = () => {
    options.job().catch((error: unknown) => options.onError?.(error)).finally(plan);
  };
  plan();
  return {
    next: () => (stopped ? null : planned),
    stop: () => {
      stopped = true;
      if (handle !== null) options.timers.clearTimeout(handle);
    },
  };
}
