import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DiscreteAllocationSchema, type MarketDataStore } from '../../../core/index.ts';
import { greedyAllocation, lpAllocation } from '../../../tools/optimize/index.ts';
import { handle } from '../../shared/index.ts';
import { loadLpSolver } from '../lp-solver.ts';
import { latestCloses } from '../prices.ts';

export const discreteAllocationInput = {
  weights: z.record(z.string(), z.number().min(-1).max(1)).describe('Target weights by ticker, e.g. {"AAPL":0.6,"MSFT":0.4} (from optimize_portfolio)'),
  totalValue: z.number().positive().max(1e12).describe('Money to allocate in USD, e.g. 100000'),
  method: z.enum(['greedy', 'lp']).optional().describe('greedy (default) or lp: integer program minimizing leftover cash plus the L1 distance to the target values'),
};

export const discreteAllocationOutput = {
  ...DiscreteAllocationSchema.shape,
  latestPrices: z.record(z.string(), z.number()),
  method: z.enum(['greedy', 'lp']),
};

export function registerDiscreteAllocationTool(server: McpServer, deps: { bars: MarketDataStore }): void {
  server.registerTool(
    'discrete_allocation',
    {
      title: 'Weights to whole shares',
      description:
        'Turns target weights into whole share counts at the latest stored closes: greedy (round down, then buy one share at a time of the asset furthest below its weight) ' +
        'or lp (integer program: least leftover cash plus distance to the target values). ' +
        'Returns shares by ticker and the leftover cash. Places nothing. Example: {"weights":{"AAPL":0.6,"MSFT":0.4},"totalValue":100000}.',
      inputSchema: discreteAllocationInput,
      outputSchema: discreteAllocationOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      handle(async () => {
        const weights = Object.fromEntries(Object.entries(input.weights).map(([ticker, weight]) => [ticker.toUpperCase(), weight]));
        const latestPrices = await latestCloses(deps.bars, Object.keys(weights));
        const method = input.method ?? 'greedy';
        const request = { weights, latestPrices, totalValue: input.totalValue };
        const allocation = method === 'lp' ? lpAllocation(request, await loadLpSolver()) : greedyAllocation(request);
        return { ...allocation, latestPrices, method };
      }),
  );
}
