import { describe, expect, it } from 'vitest';
import { DeskError, type Clock } from '../../core/index.ts';
import { createCircuitBreaker } from './circuit-breaker.ts';

function manualClock(start: string): Clock & { advance(ms: number): void } {
  let current = new Date(start).getTime();
  return { now: () => new Date(current), advance: (ms) => void (current += ms) };
}

const down = () => Promise.reject(new DeskError('broker_unavailable', 'alpaca GET /v2/account timed out after 500 ms', { retryable: true }));
const up = async () => 'ok';

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures and then fails fast without calling the broker', async () => {
    const clock = manualClock('2025-06-02T14:30:00.000Z');
    const breaker = createCircuitBreaker({ name: 'alpaca', failureThreshold: 3, coolDownMs: 30_000, clock });
    for (let index = 0; index < 3; index++) await expect(breaker.execute(down)).rejects.toMatchObject({ message: /timed out/ });
    let called = false;
    await expect(breaker.execute(async () => (called = true))).rejects.toMatchObject({
      code: 'broker_unavailable',
      message: 'circuit breaker for alpaca is open after 3 consecutive failures (last: alpaca GET /v2/account timed out after 500 ms); calls fail fast until 2025-06-02T14:30:30.000Z',
      details: { circuitOpen: true, retryable: false },
    });
    expect(called).toBe(false);
    expect(breaker.state()).toEqual({ state: 'open', consecutiveFailures: 3, openedAt: '2025-06-02T14:30:00.000Z', retryAt: '2025-06-02T14:30:30.000Z' });
  });

  it('counts only consecutive transient failures: a refusal or success resets the count', async () => {
    const breaker = createCircuitBreaker({ name: 'alpaca', failureThreshold: 2, coolDownMs: 1000, clock: manualClock('2025-06-02T14:30:00Z') });
    await expect(breaker.execute(down)).rejects.toThrow();
    await expect(breaker.execute(() => Promise.reject(new DeskError('broker_rejected', 'insufficient buying power')))).rejects.toMatchObject({ code: 'broker_rejected' });
    await expect(breaker.execute(down)).rejects.toThrow();
    expect(breaker.state()).toMatchObject({ state: 'closed', consecutiveFailures: 1 });
  });

  it('lets one trial call through after the cool-down and closes on its success', async () => {
    const clock = manualClock('2025-06-02T14:30:00.000Z');
    const breaker = createCircuitBreaker({ name: 'alpaca', failureThreshold: 1, coolDownMs: 30_000, clock });
    await expect(breaker.execute(down)).rejects.toThrow();
    clock.advance(30_000);
    expect(breaker.state().state).toBe('half-open');
    let release: (value: string) => void = () => undefined;
    const trial = breaker.execute(() => new Promise<string>((resolve) => (release = resolve)));
    await expect(breaker.execute(up)).rejects.toMatchObject({ message: /is half-open with its trial call in flight/ });
    release('ok');
    expect(await trial).toBe('ok');
    expect(breaker.state()).toEqual({ state: 'closed', consecutiveFailures: 0, openedAt: null, retryAt: null });
    expect(await breaker.execute(up)).toBe('ok');
  });

  it('re-opens for a new cool-down when the trial call fails', async () => {
    const clock = manualClock('2025-06-02T14:30:00.000Z');
    const breaker = createCircuitBreaker({ name: 'alpaca', failureThreshold: 2, coolDownMs: 10_000, clock });
    await expect(breaker.execute(down)).rejects.toThrow();
    await expect(breaker.execute(down)).rejects.toThrow();
    clock.advance(10_000);
    await expect(breaker.execute(down)).rejects.toMatchObject({ message: /timed out/ });
    expect(breaker.state()).toMatchObject({ state: 'open', openedAt: '2025-06-02T14:30:10.000Z', retryAt: '2025-06-02T14:30:20.000Z' });
    clock.advance(9_999);
    await expect(breaker.execute(up)).rejects.toMatchObject({ details: { circuitOpen: true } });
  });

  it('refuses a threshold below one or a negative cool-down', () => {
    const clock = manualClock('2025-06-02T14:30:00Z');
    expect(() => createCircuitBreaker({ name: 'x', failureThreshold: 0, coolDownMs: 1, clock })).toThrow('failureThreshold must be a whole number >= 1 (got 0)');
    expect(() => createCircuitBreaker({ name: 'x', failureThreshold: 1, coolDownMs: -1, clock })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
