import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DeskError, SymbolSchema, type MarketDataStore } from '../../../core/index.ts';
import { handle } from '../../shared/index.ts';

export const getQuoteOutput = { symbol: z.string(), date: z.string(), price: z.number() };

export function registerGetQuoteTool(server: McpServer, deps: { bars: MarketDataStore }): void {
  server.registerTool(
    'get_quote',
    {
      title: 'Get latest price',
      description: 'Latest known price of a symbol: the close of its most recent daily bar, in USD, with that bar\'s date.',
      inputSchema: { symbol: SymbolSchema.describe('Ticker, e.g. AAPL') },
      outputSchema: getQuoteOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ symbol }) =>
      handle(async () => {
        const latest = await deps.bars.latestClose(symbol);
        if (!latest) throw new DeskError('not_found', `no bars for symbol ${symbol}`, { field: 'symbol' });
        return { symbol, date: latest.date, price: latest.close };
      }),
  );
}
