import { isDeskError, type DeskError } from '../../core/index.ts';
import { assertSameVenueOrder, type BrokerOrderSnapshot, type VenueBroker, type VenueOrderRequest } from '../../tools/broker-orders/index.ts';
import type { CircuitBreaker } from './circuit-breaker.ts';
import { givenUp, retryDelay, withRetry, type RetryNotice, type RetryPolicy, type RetryRuntime } from './retry.ts';

export interface ResilienceOptions extends RetryRuntime {
  policy: RetryPolicy;
  /** One breaker per broker; every call (lookups included) goes through it. */
  breaker: CircuitBreaker;
  onRetry?: (notice: RetryNotice & { operation: string }) => void;
}

/**
 * Wrap a venue with retries (backoff, jitter, Retry-After) and a circuit breaker. Reads and
 * cancels are retried as they are. A submit is never sent twice blindly: after a failure whose
 * outcome is unknown (timeout, dropped answer, 5xx, 429) the order is first looked up by its
 * clientOrderId and, when the venue has it, that order is returned instead of a new submission.
 *
 * @example
 * const alpaca = withResilience(createAlpacaBroker(keys), { policy, breaker, sleep, random });
 */
export function withResilience(broker: VenueBroker, options: ResilienceOptions): VenueBroker {
  const guarded = <T>(operation: string, work: () => Promise<T>): Promise<T> =>
    withRetry(() => options.breaker.execute(work), options.policy, options, (notice) => options.onRetry?.({ ...notice, operation }));
  return {
    name: broker.name,
    submitOrder: (request) => submitOnce(broker, request, options),
    cancelOrder: (brokerOrderId) => cancelOnce(broker, brokerOrderId, guarded),
    getOrder: (brokerOrderId) => guarded('getOrder', () => broker.getOrder(brokerOrderId)),
    getOrderByClientId: (clientOrderId) => guarded('getOrderByClientId', () => broker.getOrderByClientId(clientOrderId)),
    listOrders: (listing) => guarded('listOrders', () => broker.listOrders(listing)),
    listOpenOrders: () => guarded('listOpenOrders', () => broker.listOpenOrders()),
    positions: () => guarded('positions', () => broker.positions()),
    account: () => guarded('account', () => broker.account()),
  };
}

async function submitOnce(broker: VenueBroker, request: VenueOrderRequest, options: ResilienceOptions): Promise<BrokerOrderSnapshot> {
  let outcomeUnknown = false;
  for (let attempt = 1; ; attempt++) {
    try {
      if (outcomeUnknown) {
        const existing = await options.breaker.execute(() => broker.getOrderByClientId(request.clientOrderId));
        if (existing !== null) {
          assertSameVenueOrder(existing, request, broker.name);
          return existing;
        }
      }
      return await options.breaker.execute(() => broker.submitOrder(request));
    } catch (error) {
      const delayMs = retryDelay(error, attempt, options.policy, options.random);
      if (delayMs === null) throw error;
      const failure = error as DeskError;
      if (attempt >= options.policy.maxAttempts) throw givenUp(failure, attempt);
      // The venue may hold the order already (a lost answer): look before sending again.
      outcomeUnknown = true;
      options.onRetry?.({ attempt, delayMs, error: failure, operation: 'submitOrder' });
      await options.sleep(delayMs);
    }
  }
}

async function cancelOnce(broker: VenueBroker, brokerOrderId: string, guarded: <T>(operation: string, work: () => Promise<T>) => Promise<T>): Promise<void> {
  let attempts = 0;
  try {
    await guarded('cancelOrder', () => (attempts++, broker.cancelOrder(brokerOrderId)));
  } catch (error) {
    // A retried cancel whose first answer was lost is refused as "not cancelable": check whether it took.
    if (attempts > 1 && isDeskError(error, 'broker_rejected')) {
      const order = await guarded('getOrder', () => broker.getOrder(brokerOrderId));
      if (order.status === 'cancelled') return;
    }
    throw error;
  }
}
