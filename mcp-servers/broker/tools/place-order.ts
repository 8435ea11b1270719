import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { OrderRequestSchema, parseWith, type Broker, type Clock, type ExecutionStore, type IdSource } from '../../../core/index.ts';
import { placeOrder } from '../../../tools/execution/index.ts';
import { handle } from '../../shared/index.ts';
import { orderFieldsInput } from '../../shared/order-input.ts';

export interface PlaceOrderDeps {
  execution: ExecutionStore;
  broker: Broker;
  clock: Clock;
  ids: IdSource;
  approvalSecrets: { risk: string; critic: string };
}

const orderShape = z.object({
  id: z.string(), clientOrderId: z.string(), symbol: z.string(), side: z.string(), quantity: z.string(), type: z.string(),
  limitPrice: z.string().nullable(), status: z.string(), filledQuantity: z.string(), averagePrice: z.string().nullable(),
  rejectReason: z.string().nullable(), threadId: z.string().nullable(), createdAt: z.string(), updatedAt: z.string(),
});
const fillShape = z.object({
  id: z.string(), orderId: z.string(), symbol: z.string(), side: z.string(), quantity: z.string(), price: z.string(), commission: z.string(), filledAt: z.string(),
});

export const placeOrderOutput = { order: orderShape, fills: z.array(fillShape), duplicate: z.boolean() };
export { orderShape, fillShape };

export function registerPlaceOrderTool(server: McpServer, deps: PlaceOrderDeps): void {
  server.registerTool(
    'place_order',
    {
      title: 'Place an approved order',
      description:
        'Sends an order to the broker. Requires riskToken (from check_order) and criticToken (from the critic\'s approve_order), both bound to the exact ' +
        'order fields incl. clientOrderId; any change or an expired token is refused and nothing is sent. A repeat of the same clientOrderId returns the existing order (duplicate=true).',
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
        const result = await placeOrder(request, { ...deps, store: deps.execution }, { threadId: threadId ?? null, riskToken, criticToken });
        return { ...result };
      }),
  );
}
