import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { RiskLimitsStore } from '../../../core/index.ts';
import { handle } from '../../shared/index.ts';

export function registerGetLimitsTool(server: McpServer, deps: { limits: RiskLimitsStore }): void {
  server.registerTool(
    'get_limits',
    {
      title: 'Get risk limits',
      description: 'The configured pre-trade limits: maxOrderNotional (USD), maxPositionQuantity (shares, absolute), restrictedSymbols.',
      inputSchema: {},
      outputSchema: { maxOrderNotional: z.string(), maxPositionQuantity: z.string(), restrictedSymbols: z.array(z.string()) },
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    () => handle(async () => ({ ...(await deps.limits.getLimits()) })),
  );
}
