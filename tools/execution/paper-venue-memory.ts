import type { PaperVenueFill, PaperVenueOrder, PaperVenueStore, PaperVenueTransaction } from '../../core/index.ts';

/**
 * A PaperVenueStore in memory, for tests and in-process simulations. A transaction works on a
 * copy that replaces the book only when `work` succeeds, and transactions run one at a time.
 *
 * @example const paper = createPaperBroker({ venue: createMemoryPaperVenue(), ... })
 */
export function createMemoryPaperVenue(): PaperVenueStore {
  let orders = new Map<string, PaperVenueOrder>();
  let fills: PaperVenueFill[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  const open = (order: PaperVenueOrder) => order.status === 'accepted' || order.status === 'partially_filled';
  return {
    getOrder: async (clientOrderId) => orders.get(clientOrderId) ?? null,
    listOpenOrders: async () => [...orders.values()].filter(open),
    listFills: async (clientOrderId) => fills.filter((fill) => clientOrderId === undefined || fill.clientOrderId === clientOrderId),
    transaction: <T>(work: (tx: PaperVenueTransaction) => Promise<T>): Promise<T> => {
      const run = queue.then(async () => {
        const draftOrders = new Map(orders);
        const draftFills = [...fills];
        const result = await work({
          getOrder: async (clientOrderId) => draftOrders.get(clientOrderId) ?? null,
          listOpenOrders: async (symbol) => [...draftOrders.values()].filter((order) => open(order) && order.symbol === symbol),
          listFills: async (clientOrderId) => draftFills.filter((fill) => fill.clientOrderId === clientOrderId),
          saveOrder: async (order) => void draftOrders.set(order.clientOrderId, order),
          insertFill: async (fill) => void draftFills.push(fill),
        });
        orders = draftOrders;
        fills = draftFills;
        return result;
      });
      queue = run.catch(() => {});
      return run;
    },
  };
}
