import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ExecutionStore } from '../../../core/index.ts';
import { handle } from '../../shared/index.ts';
import { readOnly } from './shapes.ts';

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
