import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ExecutionStore } from '../../../core/index.ts';
import { handle } from '../../shared/index.ts';
import { orderShape } from './place-order.ts';

const positionShape = z.object({ symbol: z.string(), quantity: z.string(), averagePrice: z.string(), realizedPnl: z.string(), updatedAt: z.string() });
const readOnly = { readOnlyHint: true, idempotentHint: true, openWorldHint: false } as const;

/** get_positions: open positions with signed quantity and average price. */
export function registerGetPositionsTool(server: McpServer, deps: { execution: ExecutionStore }): void {
  server.registerTool(
    'get_positions',
    {
      title: 'Get positions',
      description: 'Open positions of the paper account: symbol, signed quantity in shares (negative = short), average price and realized PnL in USD.',
      inputSchema: {},
      outputSchema: { positions: z.array(positionShape) },
      annotations: readOnly,
    },
    () => handle(async () => ({ positions: await deps.execution.getPositions() })),
  );
}

/** list_orders: most recent orders first. */
export function registerListOrdersTool(server: McpServer, deps: { execution: ExecutionStore }): void {
  server.registerTool(
    'list_orders',
    {
      title: 'List orders',
      description: 'Most recent orders first, with status (new, filled, rejected, cancelled), filled quantity and average price.',
      inputSchema: { limit: z.number().int().min(1).max(500).default(20).describe('How many orders (1-500, default 20)') },
      outputSchema: { orders: z.array(orderShape) },
      annotations: readOnly,
    },
    ({ limit }) => handle(async () => ({ orders: await deps.execution.listOrders({ limit }) })),
  );
}

/** get_account: cash and starting cash. */
export function registerGetAccountTool(server: McpServer, deps: { execution: ExecutionStore }): void {
  server.registerTool(
    'get_account',
    {
      title: 'Get account',
      description: 'Cash balance and starting cash of the paper account, in USD.',
      inputSchema: {},
      outputSchema: { cash: z.string(), startingCash: z.string() },
      annotations: readOnly,
    },
    () => handle(async () => ({ ...(await deps.execution.getAccount()) })),
  );
}
