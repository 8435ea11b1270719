import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { ExpectedReturnsMethodSchema, OptimizationObjectiveSchema, OptimizationOptionsSchema, OptimizedPortfolioSchema, RiskModelSchema, WeightBoundsSchema, parseWith, type MarketDataStore } from '../../../core/index.ts';
import { handle } from '../../shared/index.ts';
import { pricesInput, resolvePriceTable } from '../prices.ts';
import { loadLpSolver } from '../lp-solver.ts';
import { runOptimization } from '../run-optimization.ts';

export const optimizePortfolioInput = {
  ...pricesInput,
  objective: OptimizationObjectiveSchema.describe('max-sharpe, min-volatility, efficient-risk (needs target volatility), efficient-return (needs target return), hrp, risk-parity or min-cvar (optional target return)'),
  returns: ExpectedReturnsMethodSchema.optional().describe('Expected returns: mean (default), cagr, ema or capm'),
  riskModel: RiskModelSchema.optional().describe('Covariance: sample (default), ledoit-wolf or exp'),
  bounds: WeightBoundsSchema.optional().describe('Weight bounds per asset [lower, upper], default [0, 1] (long only)'),
  rf: z.number().min(-1).max(1).optional().describe('Annual risk-free rate for Sharpe and CAPM, default 0.02'),
  target: z.number().optional().describe('efficient-risk: annual volatility, e.g. 0.2; efficient-return and min-cvar: annual return, e.g. 0.15'),
  beta: z.number().gt(0).lt(1).optional().describe('min-cvar: confidence, default 0.95 (mean loss of the worst 5% of days)'),
};

export const optimizePortfolioOutput = {
  ...OptimizedPortfolioSchema.shape,
  objective: OptimizationObjectiveSchema,
  expectedReturns: z.record(z.string(), z.number()),
  from: z.string(),
  to: z.string(),
  observations: z.number(),
  cvar: z.number().optional().describe('min-cvar: daily CVaR at beta, a loss as a positive fraction'),
  valueAtRisk: z.number().optional(),
  beta: z.number().optional(),
};

export function registerOptimizePortfolioTool(server: McpServer, deps: { bars: MarketDataStore }): void {
  server.registerTool(
    'optimize_portfolio',
    {
      title: 'Optimize portfolio weights',
      description:
        'Optimizes portfolio weights from daily closes (stored symbols over the last N years, or an explicit wide price table). ' +
        'Returns weights (fractions summing to 1) and the annual expectedReturn, volatility and sharpe as fractions. Places nothing. ' +
        'Example: {"symbols":["AAPL","MSFT","JPM","SPY"],"years":3,"objective":"max-sharpe","riskModel":"ledoit-wolf"}.',
      inputSchema: optimizePortfolioInput,
      outputSchema: optimizePortfolioOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      handle(async () => {
        const options = parseWith(OptimizationOptionsSchema, { objective: input.objective, returns: input.returns, riskModel: input.riskModel, bounds: input.bounds, riskFreeRate: input.rf, target: input.target, beta: input.beta }, 'optimization options');
        const table = await resolvePriceTable(deps.bars, input);
        const lp = options.objective === 'min-cvar' ? await loadLpSolver() : undefined;
        const { tickers, ...report } = runOptimization(table, options, { lp });
        return report;
      }),
  );
}
