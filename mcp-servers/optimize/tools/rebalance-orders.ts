import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { Decimal, RebalancePlanSchema, type ExecutionStore, type MarketDataStore } from '../../../core/index.ts';
import { rebalanceOrders } from '../../../tools/optimize/index.ts';
import { handle } from '../../shared/index.ts';
import { latestCloses } from '../prices.ts';

export const rebalanceOrdersInput = {
  targetWeights: z.record(z.string(), z.number().min(0).max(1)).describe('Target weights of the whole account (positions + cash) by ticker, e.g. {"AAPL":0.3,"MSFT":0.3}'),
  driftThreshold: z.number().min(0).max(1).optional().describe('Trade only assets whose weight is off target by more than this (default 0.05)'),
};

export const rebalanceOrdersOutput = {
  ...RebalancePlanSchema.shape,
  cash: z.number(),
  positions: z.record(z.string(), z.number()),
  latestPrices: z.record(z.string(), z.number()),
};

export function registerRebalanceOrdersTool(server: McpServer, deps: { bars: MarketDataStore; execution: ExecutionStore }): void {
  server.registerTool(
    'rebalance_orders',
    {
      title: 'Propose rebalance orders',
      description:
        'Proposes whole-share orders that bring the current positions and cash back to target weights at the latest stored closes (sells first; buys limited to the cash available). ' +
        'Only a proposal: it places nothing, and each order still needs check_order. Example: {"targetWeights":{"AAPL":0.5,"MSFT":0.5}}.',
      inputSchema: rebalanceOrdersInput,
      outputSchema: rebalanceOrdersOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      handle(async () => {
        const targetWeights = Object.fromEntries(Object.entries(input.targetWeights).map(([ticker, weight]) => [ticker.toUpperCase(), weight]));
        const held = await deps.execution.getPositions();
        const positions = Object.fromEntries(held.map((position) => [position.symbol, Decimal.from(position.quantity).toNumber()]));
        const cash = Decimal.from((await deps.execution.getAccount()).cash).toNumber();
        const latestPrices = await latestCloses(deps.bars, [...Object.keys(positions), ...Object.keys(targetWeights)]);
        const plan = rebalanceOrders({ targetWeights, positions, latestPrices, cash, driftThreshold: input.driftThreshold });
        return { ...plan, cash, positions, latestPrices };
      }),
  );
}
