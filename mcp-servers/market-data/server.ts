import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { MarketDataStore } from '../../core/index.ts';
import { registerGetBarsTool } from './tools/get-bars.ts';
import { registerGetQuoteTool } from './tools/get-quote.ts';
import { registerListSymbolsTool } from './tools/list-symbols.ts';

export interface MarketDataServerDeps {
  bars: MarketDataStore;
}

/** Market-data server: list_symbols, get_bars, get_quote (all read-only). */
export function createMarketDataServer(deps: MarketDataServerDeps, into?: McpServer): McpServer {
  const server = into ?? new McpServer({ name: 'desk-market-data', version: '0.1.0' });
  registerListSymbolsTool(server, deps);
  registerGetBarsTool(server, deps);
  registerGetQuoteTool(server, deps);
  return server;
}
