import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerBrokerTools, type BrokerToolDeps } from './tools/index.ts';

export type BrokerServerDeps = BrokerToolDeps;

/**
 * Broker server: place_order (needs risk and critic approvals), cancel_order, get_order,
 * list_orders, get_positions, get_account, execution_report.
 */
export function createBrokerServer(deps: BrokerServerDeps, into?: McpServer): McpServer {
  const server = into ?? new McpServer({ name: 'desk-broker', version: '0.1.0' });
  registerBrokerTools(server, deps);
  return server;
}
