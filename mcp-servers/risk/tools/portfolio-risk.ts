import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { RiskContributionSchema, VarMethodSchema, VarResultSchema, type ExecutionStore, type MarketDataStore } from '../../../core/index.ts';
import { historicalVar, monteCarloVar, parametricVar, portfolioBeta, portfolioVolatility, positionBetas, riskContributions, type RiskBook, type VarResult } from '../../../tools/portfolio-risk/index.ts';
import { handle } from '../../shared/index.ts';
import { BENCHMARK, loadPositionsBook } from '../positions-book.ts';

export const portfolioRiskInput = {
  method: VarMethodSchema.optional().describe('historical (default), parametric or monte-carlo'),
  confidence: z.number().gt(0.5).lt(1).optional().describe('VaR confidence, default 0.99'),
  horizonDays: z.number().int().min(1).max(250).optional().describe('Horizon in trading days, default 1 (historical scales by √h)'),
  lookbackDays: z.number().int().min(20).max(5000).optional().describe('Days of stored returns to use, default 252'),
  paths: z.number().int().min(100).max(1_000_000).optional().describe('Monte Carlo paths, default 10000'),
  seed: z.number().int().optional().describe('Monte Carlo seed, default 42: the same seed gives the same figure'),
};

export const portfolioRiskOutput = {
  var: VarResultSchema,
  volatility: z.object({ annualized: z.number(), annualizedFraction: z.number().nullable(), daily: z.number() }),
  benchmark: z.string(),
  beta: z.number().nullable(),
  positionBetas: z.record(z.string(), z.number()),
  contributions: z.array(RiskContributionSchema),
  grossExposure: z.number(),
  from: z.string(),
  to: z.string(),
  observations: z.number(),
};

export type PortfolioRiskOptions = { method: VarResult['method']; confidence: number; horizonDays: number; paths: number; seed: number };

/**
 * The VaR figure of a book by the named method.
 *
 * @example
 * valueAtRisk(book, { method: 'historical', confidence: 0.99, horizonDays: 1, paths: 10000, seed: 42 }).valueAtRisk;
 */
export function valueAtRisk(book: RiskBook, options: PortfolioRiskOptions): VarResult {
  const { confidence, horizonDays } = options;
  switch (options.method) {
    case 'historical': return historicalVar(book, { confidence, horizonDays });
    case 'parametric': return parametricVar(book, { confidence, horizonDays });
    case 'monte-carlo': return monteCarloVar(book, { confidence, horizonDays, paths: options.paths, seed: options.seed });
  }
}

export function registerPortfolioRiskTool(server: McpServer, deps: { bars: MarketDataStore; execution: ExecutionStore }): void {
  server.registerTool(
    'portfolio_risk',
    {
      title: 'Portfolio VaR and risk figures',
      description:
        'Measures the current positions over the last lookbackDays of stored daily returns: VaR and expected shortfall (CVaR) by historical, parametric or seeded monte-carlo method ' +
        `at a confidence and horizon (losses positive, USD and fraction of net value), annualized volatility, beta to ${BENCHMARK}, and each position's component of volatility. ` +
        'Example: {"method":"historical","confidence":0.99,"horizonDays":1}.',
      inputSchema: portfolioRiskInput,
      outputSchema: portfolioRiskOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      handle(async () => {
        const { book, benchmark, from, to } = await loadPositionsBook(deps, input.lookbackDays ?? 252);
        const options = { method: input.method ?? 'historical', confidence: input.confidence ?? 0.99, horizonDays: input.horizonDays ?? 1, paths: input.paths ?? 10_000, seed: input.seed ?? 42 };
        return {
          var: valueAtRisk(book, options),
          volatility: portfolioVolatility(book),
          benchmark: BENCHMARK,
          beta: book.portfolioValue === 0 ? null : portfolioBeta(book, benchmark),
          positionBetas: positionBetas(book, benchmark),
          contributions: riskContributions(book),
          grossExposure: book.grossExposure,
          from, to, observations: book.observations,
        };
      }),
  );
}

