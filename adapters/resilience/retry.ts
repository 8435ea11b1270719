import { DeskError, isDeskError } from '../../core/index.ts';

export interface RetryPolicy {
  /** Attempts in all, the first included (>= 1). */
  maxAttempts: number;
  /** Ceiling of the first retry's delay; it doubles per retry up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The longest Retry-After honoured; a longer one ends the retries at once (default 60 s). */
  maxRetryAfterMs?: number;
}

/** Time and randomness for retries, injected so tests run instantly and reproducibly. */
export interface RetryRuntime {
  sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1), e.g. a seeded rng. */
  random: () => number;
}

export interface RetryNotice { attempt: number; delayMs: number; error: DeskError }

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * min(maxDelayMs, baseDelayMs × 2^(n−1)), drawn from `random`.
 *
 * @example backoffDelay(2, { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 5000 }, () => 0.5) // 150
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** True for a DeskError the broker layer marked transient (timeouts, 5xx, 429, dropped answers). */
export function isRetryable(error: unknown): error is DeskError {
  return isDeskError(error, 'broker_unavailable') && error.details.retryable === true;
}

/**
 * How long to wait before retry number `retry`, or null when the error must not be retried:
 * not retryable, or a Retry-After beyond maxRetryAfterMs. A Retry-After longer than the backoff wins.
 */
export function retryDelay(error: unknown, retry: number, policy: RetryPolicy, random: () => number): number | null {
  if (!isRetryable(error)) return null;
  const retryAfterMs = typeof error.details.retryAfterMs === 'number' ? error.details.retryAfterMs : 0;
  if (retryAfterMs > (policy.maxRetryAfterMs ?? 60_000)) return null;
  return Math.max(backoffDelay(retry, policy, random), retryAfterMs);
}

/**
 * Run `operation` until it succeeds, a non-retryable error occurs, or maxAttempts is reached; the
 * final error names the attempts made and keeps the last failure as its cause.
 *
 * @example await withRetry(() => broker.account(), { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5000 }, { sleep, random })
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  runtime: RetryRuntime,
  onRetry?: (notice: RetryNotice) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const delayMs = retryDelay(error, attempt, policy, runtime.random);
      if (delayMs === null) throw error;
      if (attempt >= policy.maxAttempts) throw givenUp(error as DeskError, attempt);
      onRetry?.({ attempt, delayMs, error: error as DeskError });
      await runtime.sleep(delayMs);
    }
  }
}

/** The error after the last attempt: still broker_unavailable, no longer retryable. */
export function givenUp(error: DeskError, attempts: number): DeskError {
  return new DeskError('broker_unavailable', `gave up after ${attempts} attempts: ${error.message}`, { ...error.details, attempts, retryable: false }, { cause: error });
}
