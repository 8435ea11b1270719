import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ExecutionStore, MarketDataStore } from '../../../core/index.ts';
import type { OrderManager } from '../../../tools/execution/index.ts';
import { registerCancelOrderTool } from './cancel-order.ts';
import { registerExecutionReportTool } from './execution-report.ts';
import { registerGetAccountTool } from './get-account.ts';
import { registerGetOrderTool } from './get-order.ts';
import { registerGetPositionsTool } from './get-positions.ts';
import { registerListOrdersTool } from './list-orders.ts';
import { registerPlaceOrderTool } from './place-order.ts';

export interface BrokerToolDeps {
  execution: ExecutionStore;
  orders: OrderManager;
  bars: MarketDataStore;
}

/** Every broker tool, in the order a client lists them. */
export function registerBrokerTools(server: McpServer, deps: BrokerToolDeps): void {
  registerPlaceOrderTool(server, deps);
  registerCancelOrderTool(server, deps);
  registerGetOrderTool(server, deps);
  registerListOrdersTool(server, deps);
  registerGetPositionsTool(server, deps);
  registerGetAccountTool(server, deps);
  registerExecutionReportTool(server, deps);
}

export { placeOrderOutput } from './place-order.ts';
export { eventShape, fillShape, orderShape } from './shapes.ts';
