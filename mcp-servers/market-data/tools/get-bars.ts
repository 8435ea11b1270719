import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { IsoDateSchema, SymbolSchema, type MarketDataStore } from '../../../core/index.ts';
import { barSeriesToRows } from '../../../tools/market/index.ts';
import { handle } from '../../shared/index.ts';

export const getBarsInput = {
  symbol: SymbolSchema.describe('Ticker, e.g. AAPL'),
  from: IsoDateSchema.optional().describe('First date, inclusive (YYYY-MM-DD)'),
  to: IsoDateSchema.optional().describe('Last date, inclusive (YYYY-MM-DD)'),
  limit: z.number().int().min(1).max(1000).default(30).describe('Most recent N bars of the range (1-1000, default 30)'),
};

export const getBarsOutput = {
  symbol: z.string(),
  bars: z.array(z.object({ date: z.string(), open: z.number(), high: z.number(), low: z.number(), close: z.number(), volume: z.number() })),
};

export function registerGetBarsTool(server: McpServer, deps: { bars: MarketDataStore }): void {
  server.registerTool(
    'get_bars',
    {
      title: 'Get daily bars',
      description:
        'Daily OHLCV bars for one symbol, oldest first, prices in USD. Returns the most recent `limit` bars of [from, to]. Example: {"symbol":"AAPL","limit":5}.',
      inputSchema: getBarsInput,
      outputSchema: getBarsOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ symbol, from, to, limit }) =>
      handle(async () => {
        const rows = barSeriesToRows(await deps.bars.getBars(symbol, { from, to })).slice(-limit);
        return { symbol, bars: rows.map(({ date, open, high, low, close, volume }) => ({ date, open, high, low, close, volume })) };
      }),
  );
}
