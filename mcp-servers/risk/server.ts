import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerCheckOrderTool, type CheckOrderDeps } from './tools/check-order.ts';
import { registerGetLimitsTool } from './tools/get-limits.ts';
import { registerPortfolioRiskTool } from './tools/portfolio-risk.ts';
import { registerStressTestTool } from './tools/stress-test.ts';

export type RiskServerDeps = CheckOrderDeps;

/** Risk server: check_order (issues approval tokens), get_limits, portfolio_risk, stress_test. */
export function createRiskServer(deps: RiskServerDeps, into?: McpServer): McpServer {
  const server = into ?? new McpServer({ name: 'desk-risk', version: '0.1.0' });
  registerCheckOrderTool(server, deps);
  registerGetLimitsTool(server, deps);
  registerPortfolioRiskTool(server, deps);
  registerStressTestTool(server, deps);
  return server;
}
