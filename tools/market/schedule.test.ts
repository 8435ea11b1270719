import { describe, expect, it } from 'vitest';
import type { Clock, Timers } from '../../core/index.ts';
import { nextRunAfter, parseSchedule, startScheduler } from './schedule.ts';

/** A clock and timers that only move when the test says so. */
function fakeTime(start: string) {
  let now = Date.parse(start);
  const pending: Array<{ at: number; callback: () => void; id: number }> = [];
  let nextId = 0;
  const clock: Clock = { now: () => new Date(now) };
  const timers: Timers = {
    setTimeout: (callback, delayMs) => { pending.push({ at: now + delayMs, callback, id: ++nextId }); return nextId; },
    clearTimeout: (handle) => { const at = pending.findIndex((entry) => entry.id === handle); if (at >= 0) pending.splice(at, 1); },
  };
  /** Move to the earliest pending timer and fire it. */
  const fireNext = async () => {
    pending.sort((left, right) => left.at - right.at);
    const entry = pending.shift()!;
    now = entry.at;
    entry.callback();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { clock, timers, pending, fireNext };
}

describe('schedules', () => {
  const at = (text: string, after: string) => nextRunAfter(parseSchedule(text), new Date(after)).toISOString();

  it('finds the next cron time in UTC, across the weekend and month end', () => {
    expect(at('30 22 * * 1-5', '2025-01-03T23:00:00Z')).toBe('2025-01-06T22:30:00.000Z');
    expect(at('30 22 * * 1-5', '2025-01-06T22:29:59Z')).toBe('2025-01-06T22:30:00.000Z');
    expect(at('*/15 * * * *', '2025-01-06T10:07:00Z')).toBe('2025-01-06T10:15:00.000Z');
    expect(at('0 6 1 * *', '2025-01-31T12:00:00Z')).toBe('2025-02-01T06:00:00.000Z');
    expect(at('0 0 29 2 *', '2025-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
    expect(at('every 15m', '2025-01-06T10:07:00Z')).toBe('2025-01-06T10:15:00.000Z');
  });

  it('refuses malformed schedules, naming the field', () => {
    expect(() => parseSchedule('61 * * * *')).toThrow(/minute must be within 0-59/);
    expect(() => parseSchedule('every 0s')).toThrow(/at least 1s/);
    expect(() => parseSchedule('daily')).toThrow(/5 cron fields/);
    expect(() => parseSchedule('0 0 31 2 *')).not.toThrow();
    expect(() => nextRunAfter(parseSchedule('0 0 31 2 *'), new Date('2025-01-01T00:00:00Z'))).toThrow(/never matches/);
  });

  it('runs the job at each planned time on a fake clock, keeps going after a failure, and stops', async () => {
    const time = fakeTime('2025-01-06T10:07:00Z');
    const runs: string[] = [];
    const errors: unknown[] = [];
    const scheduler = startScheduler({
      schedule: parseSchedule('*/15 * * * *'), clock: time.clock, timers: time.timers, onError: (error) => errors.push(error),
      job: async () => { runs.push(time.clock.now().toISOString()); if (runs.length === 1) throw new Error('provider down'); },
    });
    expect(scheduler.next()?.toISOString()).toBe('2025-01-06T10:15:00.000Z');
    await time.fireNext();
    await time.fireNext();
    expect(runs).toEqual(['2025-01-06T10:15:00.000Z', '2025-01-06T10:30:00.000Z']);
    expect(errors).toHaveLength(1);
    scheduler.stop();
    expect(time.pending).toHaveLength(0);
    expect(scheduler.next()).toBeNull();
  });
});
