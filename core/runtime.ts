import type { Clock, IdSource } from './ports.ts';

/**
 * Deterministic implementations of the Clock and IdSource ports for tests, backtests and
 * replays. The wall clock lives in apps/ (the only place that wires concretes); the randomness
 * of randomIds comes from the platform's crypto, injected by the caller.
 */

export function fixedClock(start: Date | string, stepMs = 0): Clock {
  let current = new Date(start).getTime();
  return {
    now: () => {
      const value = new Date(current);
      current += stepMs;
      return value;
    },
  };
}

export function counterIds(): IdSource {
  const counters = new Map<string, number>();
  return {
    next: (prefix) => {
      const value = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, value);
      return `${prefix}_${String(value).padStart(6, '0')}`;
    },
  };
}

/** Ids as `${prefix}_${random}`; `randomHex` comes from the caller (e.g. crypto.randomUUID). */
export function randomIds(randomHex: () => string): IdSource {
  return { next: (prefix) => `${prefix}_${randomHex().replace(/-/g, '').slice(0, 20)}` };
}
