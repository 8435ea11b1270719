import { isDeskError } from '../../core/index.ts';

export interface RetryPolicy {
  /** Tries in all, the first included (1 = no retry). */
  attempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ attempts: 4, initialDelayMs: 1_000, maxDelayMs: 30_000 });

/**
 * True for failures worth another try: DeskError('provider_error') marked retryable (network
 * failures, HTTP 429 and 5xx). A 4xx, a parse error or a bad argument fails at once.
 * @example isRetryable(new DeskError('provider_error', 'HTTP 503', { retryable: true })) // true
 */
export function isRetryable(error: unknown): boolean {
  return isDeskError(error, 'provider_error') && error.details.retryable === true;
}

/**
 * Run `work`, retrying retryable failures after delays doubling from initialDelayMs up to
 * maxDelayMs (1 s, 2 s, 4 s, ... by default). `sleep` is injected so tests run without waiting.
 *
 * @example
 * const bars = await withRetry(() => source.fetchBars('AAPL', range), DEFAULT_RETRY, sleep);
 */
export async function withRetry<T>(
  work: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  sleep: (delayMs: number) => Promise<void>,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      const delayMs = Math.min(policy.initialDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
      onRetry?.(error, attempt, delayMs);
      await sleep(delayMs);
    }
  }
}
