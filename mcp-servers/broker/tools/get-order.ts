import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DeskError, type ExecutionStore } from '../../../core/index.ts';
import { handle } from '../../shared/index.ts';
import { eventShape, fillShape, orderShape, readOnly } from './shapes.ts';

/** get_order: one order with its fills and its state history. */
export function registerGetOrderTool(server: McpServer, deps: { execution: ExecutionStore }): void {
  server.registerTool(
    'get_order',
    {
      title: 'Get an order',
      description:
        'One order by id or clientOrderId: its current status, filled quantity and average price, its fills, and every state transition in order ' +
        '(events: new -> accepted -> partially_filled -> filled, or cancelled/rejected/expired with the reason).',
      inputSchema: { orderId: z.string().min(1).describe('The order id (ord_...) or its clientOrderId') },
      outputSchema: { order: orderShape, fills: z.array(fillShape), events: z.array(eventShape) },
      annotations: readOnly,
    },
    ({ orderId }) =>
      handle(async () => {
        const order = (await deps.execution.getOrder(orderId)) ?? (await deps.execution.getOrderByClientId(orderId));
        if (order === null) throw new DeskError('not_found', `no order with id or clientOrderId ${orderId}`, { field: 'orderId' });
        const fills = (await deps.execution.listFills({ orderId: order.id })).reverse();
        return { order, fills, events: await deps.execution.listOrderEvents(order.id) };
      }),
  );
}
