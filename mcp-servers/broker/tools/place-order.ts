import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { OrderRequestSchema, parseWith } from '../../../core/index.ts';
import type { OrderManager } from '../../../tools/execution/index.ts';
import { handle } from '../../shared/index.ts';
import { orderFieldsInput } from '../../shared/order-input.ts';
import { fillShape, orderShape } from './shapes.ts';

export const placeOrderOutput = { order: orderShape, fills: z.array(fillShape), duplicate: z.boolean() };

/** place_order: send an order approved by check_order and the critic. */
export function registerPlaceOrderTool(server: McpServer, deps: { orders: OrderManager }): void {
  server.registerTool(
    'place_order',
    {
      title: 'Place an approved order',
      description:
        'Sends an order to the broker. Requires riskToken (from check_order) and criticToken (from the critic\'s approve_order), both bound to the exact ' +
        'order fields incl. clientOrderId, type, limitPrice, stopPrice and timeInForce; any change or an expired token is refused and nothing is sent. ' +
        'A market order fills at once (fully, or partly when it exceeds the volume cap); limit and stop orders that cannot fill yet stay open (status accepted). ' +
        'A repeat of the same clientOrderId returns the existing order (duplicate=true).',
      inputSchema: {
        ...orderFieldsInput,
        clientOrderId: z.string().describe('Idempotency key; must equal the one that was approved'),
        riskToken: z.string().describe('approvalToken from check_order'),
        criticToken: z.string().describe('approvalToken from approve_order'),
        threadId: z.string().optional().describe('Conversation that proposed the order'),
      },
      outputSchema: placeOrderOutput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
    },
    ({ riskToken, criticToken, threadId, ...fields }) =>
      handle(async () => {
        const request = parseWith(OrderRequestSchema, fields, 'order');
        return { ...(await deps.orders.placeOrder(request, { threadId: threadId ?? null, riskToken, criticToken })) };
      }),
  );
}
