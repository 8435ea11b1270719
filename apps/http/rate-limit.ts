/**
 * A token bucket per key (an MCP client's token): `perMinute` requests a minute on average, bursts
 * of up to `perMinute`. `take` answers whether a request may go ahead now and, if not, how many
 * seconds until it may.
 *
 * @example
 * const limiter = createRateLimiter(120);
 * const { allowed, retryAfterSeconds } = limiter.take('client-a');
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): { take(key: string): { allowed: boolean; retryAfterSeconds: number } } {
  const refillPerMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const time = now();
      const bucket = buckets.get(key) ?? { tokens: perMinute, at: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.at) * refillPerMs);
      bucket.at = time;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, retryAfterSeconds: 0 };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
  };
}
