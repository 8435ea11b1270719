import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.ts';

describe('createRateLimiter', () => {
  it('allows a burst of perMinute, then refuses with the wait until the next token', () => {
    let now = 0;
    const limiter = createRateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    // One token comes back every 20 s at 3 a minute.
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now = 15_000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 5 });
    now = 20_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('keeps one bucket per key and never holds more than perMinute', () => {
    let now = 0;
    const limiter = createRateLimiter(2, () => now);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
    now = 10 * 60_000;
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
  });
});
