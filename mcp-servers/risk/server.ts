import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerCheckOrderTool, type CheckOrderDeps } from './tools/check-order.ts';
import { registerGetLimitsTool } from './tools/get-limits.ts';
import { registerKillSwitchTool } from './tools/kill-switch.ts';
import { registerPortfolioRiskTool } from './tools/portfolio-risk.ts';
import { registerSetLimitsTool } from './tools/set-limits.ts';
import { registerStressTestTool } from './tools/stress-test.ts';

export type RiskServerDeps = CheckOrderDeps;

/**
 * Risk server: check_order (issues approval tokens, trips the kill switch), get_limits,
 * set_limits (admin), kill_switch (off needs admin), portfolio_risk, stress_test.
 * `deps.cancelOpenOrders` is called whenever the kill switch turns on.
 */
export function createRiskServer(deps: RiskServerDeps, into?: McpServer): McpServer {
  const server = into ?? new McpServer({ name: 'desk-risk', version: '0.1.0' });
  registerCheckOrderTool(server, deps);
  registerGetLimitsTool(server, deps);
  registerSetLimitsTool(server, deps);
  registerKillSwitchTool(server, deps);
  registerPortfolioRiskTool(server, deps);
  registerStressTestTool(server, deps);
  return server;
}
