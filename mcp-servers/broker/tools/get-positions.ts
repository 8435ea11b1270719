import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ExecutionStore } from '../../../core/index.ts';
import { handle } from '../../shared/index.ts';
import { positionShape, readOnly } from './shapes.ts';

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
