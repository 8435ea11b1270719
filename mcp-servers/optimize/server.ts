import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ExecutionStore, MarketDataStore } from '../../core/index.ts';
import { registerDiscreteAllocationTool } from './tools/discrete-allocation.ts';
import { registerOptimizePortfolioTool } from './tools/optimize-portfolio.ts';
import { registerRebalanceOrdersTool } from './tools/rebalance-orders.ts';

export interface OptimizeServerDeps {
  bars: MarketDataStore;
  execution: ExecutionStore;
}

/** Optimize server: optimize_portfolio, discrete_allocation, rebalance_orders (all read-only; none places orders). */
export function createOptimizeServer(deps: OptimizeServerDeps, into?: McpServer): McpServer {
  const server = into ?? new McpServer({ name: 'desk-optimize', version: '0.1.0' });
  registerOptimizePortfolioTool(server, deps);
  registerDiscreteAllocationTool(server, deps);
  registerRebalanceOrdersTool(server, deps);
  return server;
}
