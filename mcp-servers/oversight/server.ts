import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerApproveOrderTool, type ApproveOrderDeps } from './tools/approve-order.ts';

export type OversightServerDeps = ApproveOrderDeps;

/** Oversight server: approve_order (the critic's signature). Only the critic's client connects to it. */
export function createOversightServer(deps: OversightServerDeps, into?: McpServer): McpServer {
  const server = into ?? new McpServer({ name: 'desk-oversight', version: '0.1.0' });
  registerApproveOrderTool(server, deps);
  return server;
}
