import { describe, expect, it } from 'vitest';
import { DeskError } from '../../core/index.ts';
import { backoffDelay, retryDelay, withRetry, type RetryPolicy } from './retry.ts';

const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 10_000 };
const transient = (details: Record<string, unknown> = {}) => new DeskError('broker_unavailable', 'alpaca GET /v2/account failed with 503: busy', { retryable: true, ...details });

function recorder() {
  const sleeps: number[] = [];
  return { sleeps, runtime: { sleep: async (ms: number) => void sleeps.push(ms), random: () => 0.5 } };
}

describe('backoff with jitter', () => {
  it('doubles the ceiling per retry up to the maximum and draws between half and all of it', () => {
    // ceilings 100, 200, 400, 800, 1000 (capped); half + 0.5 × half
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, policy, () => 0.5))).toEqual([75, 150, 300, 600, 750]);
    expect(backoffDelay(3, policy, () => 0)).toBe(200);
    expect(backoffDelay(3, policy, () => 0.999)).toBe(400);
  });

  it('honours a Retry-After longer than the backoff and refuses one beyond the limit', () => {
    expect(retryDelay(transient({ retryAfterMs: 2000 }), 1, policy, () => 0.5)).toBe(2000);
    expect(retryDelay(transient({ retryAfterMs: 10 }), 1, policy, () => 0.5)).toBe(75);
    expect(retryDelay(transient({ retryAfterMs: 60_000 }), 1, policy, () => 0.5)).toBeNull();
    expect(retryDelay(new DeskError('broker_rejected', 'insufficient buying power'), 1, policy, () => 0.5)).toBeNull();
  });
});

describe('withRetry', () => {
  it('retries transient failures with the backoff delays and returns the first success', async () => {
    const { sleeps, runtime } = recorder();
    const attempts: number[] = [];
    const result = await withRetry(async (attempt) => {
      attempts.push(attempt);
      if (attempt < 3) throw transient();
      return 'ok';
    }, policy, runtime);
    expect([result, attempts, sleeps]).toEqual(['ok', [1, 2, 3], [75, 150]]);
  });

  it('does not retry a refusal', async () => {
    const { sleeps, runtime } = recorder();
    let calls = 0;
    await expect(withRetry(async () => {
      calls += 1;
      throw new DeskError('broker_rejected', 'insufficient buying power');
    }, policy, runtime)).rejects.toMatchObject({ code: 'broker_rejected' });
    expect([calls, sleeps]).toEqual([1, []]);
  });

  it('gives up after maxAttempts with a clear error that keeps the last failure', async () => {
    const { sleeps, runtime } = recorder();
    const error = await withRetry(async () => Promise.reject(transient()), policy, runtime).catch((failure: DeskError) => failure);
    expect(error).toMatchObject({ code: 'broker_unavailable', message: 'gave up after 3 attempts: alpaca GET /v2/account failed with 503: busy', details: { attempts: 3, retryable: false } });
    expect((error as DeskError).cause).toBeInstanceOf(DeskError);
    expect(sleeps).toEqual([75, 150]);
  });
});
