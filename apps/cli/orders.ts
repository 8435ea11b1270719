import { parseArgs } from 'node:util';
import { DeskError, type Order } from '../../core/index.ts';
import type { OrderView } from '../runtime/order-view.ts';
import { loadConfig } from '../runtime/config.ts';
import { callServer, viaServerOrDesk } from './connect.ts';

const USAGE = 'desk orders [--status open|all] [--json] | desk orders show ID [--json] | desk orders cancel ID [--reason TEXT] [--json]';

/** `desk orders ...`: list orders, show one with its fills and history, or cancel one; through the running server when there is one. */
export async function ordersCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { status: { type: 'string', default: 'all' }, json: { type: 'boolean', default: false }, reason: { type: 'string' } } });
  const config = loadConfig(process.env);
  const [subcommand, id] = positionals;
  const print = (value: unknown, text: () => string) => console.log(values.json ? JSON.stringify(value, null, 2) : text());
  if (subcommand === undefined) {
    if (values.status !== 'open' && values.status !== 'all') throw new DeskError('invalid_input', `--status must be open or all (got "${values.status}")`, { field: 'status' });
    const open = values.status === 'open';
    const orders = await viaServerOrDesk<Order[]>(config,
      async (url) => ((await callServer(config, url, `/api/orders${open ? '?status=open' : ''}`)) as { orders: Order[] }).orders,
      (desk) => desk.serverDeps.execution.listOrders({ limit: 100, ...(open ? { status: 'open' as const } : {}) }));
    print({ orders }, () => (orders.length === 0 ? 'no orders' : orders.map(orderLine).join('\n')));
    return 0;
  }
  if (id === undefined || (subcommand !== 'show' && subcommand !== 'cancel')) throw new DeskError('invalid_input', `usage: ${USAGE}`);
  if (subcommand === 'show') {
    const view = await viaServerOrDesk<OrderView>(config,
      async (url) => (await callServer(config, url, `/api/orders/${encodeURIComponent(id)}`)) as OrderView,
      async (desk) => (await import('../runtime/order-view.ts')).showOrder(desk.serverDeps.execution, id));
    print(view, () => describeOrder(view));
    return 0;
  }
  const reason = values.reason ?? 'cancelled from the command line';
  const result = await viaServerOrDesk<{ order: Order }>(config,
    async (url) => (await callServer(config, url, `/api/orders/${encodeURIComponent(id)}/cancel`, { reason })) as { order: Order },
    (desk) => desk.serverDeps.orders.cancelOrder(id, reason));
  print(result, () => orderLine(result.order));
  return 0;
}

function orderLine(order: Order): string {
  const prices = [order.limitPrice && `limit ${order.limitPrice}`, order.stopPrice && `stop ${order.stopPrice}`].filter(Boolean).join(' ');
  const filled = order.averagePrice ? ` filled ${order.filledQuantity} @ ${order.averagePrice}` : '';
  const reason = order.rejectReason ? ` (${order.rejectReason})` : '';
  return `${order.id}  ${order.createdAt}  ${order.side} ${order.quantity} ${order.symbol} ${order.type}${prices ? ` ${prices}` : ''} ${order.timeInForce}  ${order.status}${filled}${reason}`;
}

function describeOrder(view: OrderView): string {
  const fills = view.fills.map((fill) => `  fill ${fill.quantity} @ ${fill.price} commission ${fill.commission} at ${fill.filledAt}`);
  const events = view.events.map((event) => `  ${event.seq}. ${event.at} ${event.fromStatus ?? '-'} -> ${event.toStatus}${event.fillQuantity ? ` ${event.fillQuantity} @ ${event.fillPrice}` : ''}${event.reason ? ` (${event.reason})` : ''}`);
  return [orderLine(view.order), 'fills:', ...(fills.length ? fills : ['  none']), 'history:', ...events].join('\n');
}
