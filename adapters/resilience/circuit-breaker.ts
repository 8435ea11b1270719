import { DeskError, isDeskError, type Clock } from '../../core/index.ts';

export type CircuitStateName = 'closed' | 'open' | 'half-open';

export interface CircuitState {
  state: CircuitStateName;
  consecutiveFailures: number;
  /** When the circuit last opened, and when it lets a trial call through (ISO, UTC). */
  openedAt: string | null;
  retryAt: string | null;
}

export interface CircuitBreakerOptions {
  /** The broker's name, for messages. */
  name: string;
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit fails fast before one trial call. */
  coolDownMs: number;
  clock: Clock;
  /** What counts as a failure (default: broker_unavailable; a refusal means the broker is up). */
  isFailure?: (error: unknown) => boolean;
}

export interface CircuitBreaker {
  execute<T>(work: () => Promise<T>): Promise<T>;
  state(): CircuitState;
}

/**
 * A per-broker circuit breaker. Closed: calls pass; `failureThreshold` consecutive failures open
 * it. Open: calls fail fast with broker_unavailable (`circuitOpen: true`) until the cool-down
 * ends. Half-open: one trial call passes (others fail fast); success closes, failure re-opens.
 *
 * @example
 * const breaker = createCircuitBreaker({ name: 'alpaca', failureThreshold: 5, coolDownMs: 30_000, clock });
 * await breaker.execute(() => alpaca.account());
 */
export function createCircuitBreaker(options: CircuitBreakerOptions): CircuitBreaker {
  if (!Number.isInteger(options.failureThreshold) || options.failureThreshold < 1) {
    throw new DeskError('invalid_input', `failureThreshold must be a whole number >= 1 (got ${options.failureThreshold})`, { field: 'failureThreshold' });
  }
  if (!Number.isFinite(options.coolDownMs) || options.coolDownMs < 0) {
    throw new DeskError('invalid_input', `coolDownMs must be a number >= 0 (got ${options.coolDownMs})`, { field: 'coolDownMs' });
  }
  const isFailure = options.isFailure ?? ((error: unknown) => isDeskError(error, 'broker_unavailable'));
  let state: CircuitStateName = 'closed';
  let failures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;
  let lastFailure = '';

  const retryAt = () => (openedAt === null ? null : openedAt + options.coolDownMs);
  const open = (now: number) => {
    state = 'open';
    openedAt = now;
  };
  const failFast = (): DeskError => {
    const at = new Date(retryAt() as number).toISOString();
    const why = state === 'half-open' ? 'is half-open with its trial call in flight' : `is open after ${failures} consecutive failures (last: ${lastFailure})`;
    return new DeskError('broker_unavailable', `circuit breaker for ${options.name} ${why}; calls fail fast until ${at}`, {
      broker: options.name, circuitOpen: true, retryable: false, retryAt: at,
    });
  };

  return {
    async execute(work) {
      const now = options.clock.now().getTime();
      if (state === 'open' && now >= (retryAt() as number)) state = 'half-open';
      if (state === 'open' || (state === 'half-open' && trialInFlight)) throw failFast();
      const trial = state === 'half-open';
      trialInFlight = trial;
      try {
        const result = await work();
        state = 'closed';
        failures = 0;
        return result;
      } catch (error) {
        if (!isFailure(error)) {
          if (trial) state = 'closed';
          failures = 0;
          throw error;
        }
        failures += 1;
        lastFailure = error instanceof Error ? error.message : String(error);
        if (trial || failures >= options.failureThreshold) open(options.clock.now().getTime());
        throw error;
      } finally {
        if (trial) trialInFlight = false;
      }
    },
    state: () => ({
      state: state === 'open' && options.clock.now().getTime() >= (retryAt() as number) ? 'half-open' : state,
      consecutiveFailures: failures,
      openedAt: openedAt === null || state === 'closed' ? null : new Date(openedAt).toISOString(),
      retryAt: openedAt === null || state === 'closed' ? null : new Date(retryAt() as number).toISOString(),
    }),
  };
}
