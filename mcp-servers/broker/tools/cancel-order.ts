import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { OrderManager } from '../../../tools/execution/index.ts';
import { handle } from '../../shared/index.ts';
import { fillShape, orderShape } from './shapes.ts';

/** cancel_order: cancel a working order at the broker. */
export function registerCancelOrderTool(server: McpServer, deps: { orders: OrderManager }): void {
  server.registerTool(
    'cancel_order',
    {
      title: 'Cancel an open order',
      description:
        'Cancels an open order (status new, accepted or partially_filled) at the broker, by order id or clientOrderId. Quantity already filled stays filled. ' +
        'If the order filled before the cancel arrived, the result shows it filled (fills lists what was booked now). Filled, cancelled, rejected or expired ' +
        'orders cannot be cancelled: that is an error naming the status.',
      inputSchema: {
        orderId: z.string().min(1).describe('The order id (ord_...) or its clientOrderId'),
        reason: z.string().min(1).max(500).default('cancelled on request').describe('Why, stored with the order'),
      },
      outputSchema: { order: orderShape, fills: z.array(fillShape) },
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    },
    ({ orderId, reason }) => handle(async () => ({ ...(await deps.orders.cancelOrder(orderId, reason)) })),
  );
}
