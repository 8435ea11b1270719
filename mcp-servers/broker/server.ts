import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerGetAccountTool, registerGetPositionsTool, registerListOrdersTool } from './tools/account-views.ts';
import { registerPlaceOrderTool, type PlaceOrderDeps } from './tools/place-order.ts';

export type BrokerServerDeps = PlaceOrderDeps;

/** Broker server: place_order (needs risk and critic approvals), get_positions, list_orders, get_account. */
export function createBrokerServer(deps: BrokerServerDeps, into?: McpServer): McpServer {
  const server = into ?? new McpServer({ name: 'desk-broker', version: '0.1.0' });
  registerPlaceOrderTool(server, deps);
  registerGetPositionsTool(server, deps);
  registerListOrdersTool(server, deps);
  registerGetAccountTool(server, deps);
  return server;
}
