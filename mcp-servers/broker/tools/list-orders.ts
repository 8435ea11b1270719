import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { OrderStatusSchema, SymbolSchema, type ExecutionStore } from '../../../core/index.ts';
import { handle } from '../../shared/index.ts';
import { orderShape, readOnly } from './shapes.ts';

/** list_orders: most recent orders first, filtered. */
export function registerListOrdersTool(server: McpServer, deps: { execution: ExecutionStore }): void {
  server.registerTool(
    'list_orders',
    {
      title: 'List orders',
      description:
        'Most recent orders first, with status (new, accepted, partially_filled, filled, cancelled, rejected, expired), filled quantity and average price. ' +
        'Filter by status ("open" = new, accepted or partially_filled), symbol or thread.',
      inputSchema: {
        status: z.union([OrderStatusSchema, z.literal('open')]).optional().describe('"open" or one status'),
        symbol: SymbolSchema.optional().describe('Only this ticker'),
        threadId: z.string().optional().describe('Only orders proposed in this conversation'),
        limit: z.number().int().min(1).max(500).default(20).describe('How many orders (1-500, default 20)'),
      },
      outputSchema: { orders: z.array(orderShape) },
      annotations: readOnly,
    },
    (filter) => handle(async () => ({ orders: await deps.execution.listOrders(filter) })),
  );
}
