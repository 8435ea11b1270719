import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { MarketDataStore } from '../../core/index.ts';
import { registerRunBacktestTool } from './tools/run-backtest.ts';

export interface BacktestServerDeps {
  bars: MarketDataStore;
}

/** Backtest server: run_backtest (read-only, deterministic). */
export function createBacktestServer(deps: BacktestServerDeps, into?: McpServer): McpServer {
  const server = into ?? new McpServer({ name: 'desk-backtest', version: '0.1.0' });
  registerRunBacktestTool(server, deps);
  return server;
}
