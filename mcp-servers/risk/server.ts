import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerCheckOrderTool, type CheckOrderDeps } from './tools/check-order.ts';
import { registerGetLimitsTool } from './tools/get-limits.ts';

export type RiskServerDeps = CheckOrderDeps;

/** Risk server: check_order (issues approval tokens), get_limits. */
export function createRiskServer(deps: RiskServerDeps): McpServer {
  const server = new McpServer({ name: 'desk-risk', version: '0.1.0' });
  registerCheckOrderTool(server, deps);
  registerGetLimitsTool(server, deps);
  return server;
}
