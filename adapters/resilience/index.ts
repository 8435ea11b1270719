export { backoffDelay, givenUp, isRetryable, retryDelay, withRetry, type RetryNotice, type RetryPolicy, type RetryRuntime } from './retry.ts';
export { createCircuitBreaker, type CircuitBreaker, type CircuitBreakerOptions, type CircuitState, type CircuitStateName } from './circuit-breaker.ts';
export { withResilience, type ResilienceOptions } from './resilient-broker.ts';
