import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { MarketDataStore } from '../../core/index.ts';
import { registerGetBarsTool } from './tools/get-bars.ts';
import { registerGetQuoteTool } from './tools/get-quote.ts';
import { registerListSymbolsTool } from './tools/list-symbols.ts';
import { registerDataQualityReportTool } from './tools/data-quality-report.ts';
import { registerImportBarsTool } from './tools/import-bars.ts';
import { registerRefreshTool } from './tools/refresh.ts';
import type { MarketDataIngest } from './ingest.ts';

export interface MarketDataServerDeps {
  bars: MarketDataStore;
  /** Sources and the import store; without it the server is read-only (no import_bars, refresh, data_quality_report). */
  ingest?: MarketDataIngest;
}

/** Market-data server: list_symbols, get_bars, get_quote (read-only), and with `ingest` import_bars, refresh, data_quality_report. */
export function createMarketDataServer(deps: MarketDataServerDeps, into?: McpServer): McpServer {
  const server = into ?? new McpServer({ name: 'desk-market-data', version: '0.1.0' });
  registerListSymbolsTool(server, deps);
  registerGetBarsTool(server, deps);
  registerGetQuoteTool(server, deps);
  if (deps.ingest) {
    registerImportBarsTool(server, deps.ingest);
    registerRefreshTool(server, deps, deps.ingest);
    registerDataQualityReportTool(server, deps, deps.ingest);
  }
  return server;
}
