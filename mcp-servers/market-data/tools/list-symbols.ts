import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { MarketDataStore } from '../../../core/index.ts';
import { handle } from '../../shared/index.ts';

export const listSymbolsOutput = {
  symbols: z.array(z.object({ symbol: z.string(), firstDate: z.string(), lastDate: z.string(), bars: z.number(), lastClose: z.number() })),
};

export function registerListSymbolsTool(server: McpServer, deps: { bars: MarketDataStore }): void {
  server.registerTool(
    'list_symbols',
    {
      title: 'List symbols',
      description: 'Lists every symbol with stored daily bars: first and last date (YYYY-MM-DD, UTC), number of bars and last close.',
      inputSchema: {},
      outputSchema: listSymbolsOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    () => handle(async () => ({ symbols: await deps.bars.listSymbols() })),
  );
}
