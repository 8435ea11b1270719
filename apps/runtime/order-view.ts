import { DeskError, type ExecutionStore, type Fill, type Order, type OrderEvent } from '../../core/index.ts';

export interface OrderView {
  order: Order;
  fills: Fill[];
  events: OrderEvent[];
}

/**
 * One order by id or clientOrderId with its fills (oldest first) and state history, for the
 * HTTP API and the CLI; DeskError('not_found') when there is none.
 * @example await showOrder(desk.serverDeps.execution, 'ord_1a2b') // { order, fills, events }
 */
export async function showOrder(store: ExecutionStore, idOrClientId: string): Promise<OrderView> {
  const order = (await store.getOrder(idOrClientId)) ?? (await store.getOrderByClientId(idOrClientId));
  if (order === null) throw new DeskError('not_found', `no order with id or clientOrderId ${idOrClientId}`, { field: 'orderId' });
  return { order, fills: (await store.listFills({ orderId: order.id })).reverse(), events: await store.listOrderEvents(order.id) };
}
