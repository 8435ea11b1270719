import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DeskError, RiskContributionSchema, StressResultSchema, VarResultSchema, type ExecutionStore, type MarketDataStore } from '../../../core/index.ts';
import { applyShockScenario, positionBetas, VOLATILITY_SPIKE_2008, volatilitySpikeVar, type ShockScenario } from '../../../tools/portfolio-risk/index.ts';
import { handle } from '../../shared/index.ts';
import { BENCHMARK, loadPositionsBook } from '../positions-book.ts';

export const stressTestInput = {
  scenario: z.enum(['uniform', 'per-symbol', 'beta-scaled', 'vol-spike-2008']).describe('uniform shock, per-symbol shocks, beta-scaled market shock, or a 2008-style volatility spike (vol ×3, correlations pushed halfway to 1)'),
  shock: z.number().min(-1).optional().describe('uniform: return applied to every position, e.g. -0.2'),
  shocks: z.record(z.string(), z.number().min(-1)).optional().describe('per-symbol: return by symbol, e.g. {"AAPL":-0.3}'),
  otherwise: z.number().min(-1).optional().describe('per-symbol: return of symbols not listed (default 0)'),
  marketShock: z.number().min(-1).optional().describe(`beta-scaled: ${BENCHMARK} return; each position moves beta × this, e.g. -0.2`),
  confidence: z.number().gt(0.5).lt(1).optional().describe('vol-spike-2008: VaR confidence, default 0.99'),
  horizonDays: z.number().int().min(1).max(250).optional().describe('vol-spike-2008: horizon in trading days, default 1'),
  lookbackDays: z.number().int().min(20).max(5000).optional().describe('Days of stored returns for betas and covariance, default 252'),
};

export const stressTestOutput = {
  scenario: z.string(),
  shock: StressResultSchema.optional(),
  volatilitySpike: z.object({ baseline: VarResultSchema, stressed: VarResultSchema, contributions: z.array(RiskContributionSchema) }).optional(),
  from: z.string(),
  to: z.string(),
};

export function registerStressTestTool(server: McpServer, deps: { bars: MarketDataStore; execution: ExecutionStore }): void {
  server.registerTool(
    'stress_test',
    {
      title: 'Stress-test current positions',
      description:
        'Revalues the current positions under a scenario. Shock scenarios return P&L per position and in total (USD; negative = loss). ' +
        'vol-spike-2008 returns parametric VaR before and after tripled volatilities with correlations pushed toward 1. ' +
        'Example: {"scenario":"beta-scaled","marketShock":-0.2}.',
      inputSchema: stressTestInput,
      outputSchema: stressTestOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      handle(async () => {
        const { book, benchmark, from, to } = await loadPositionsBook(deps, input.lookbackDays ?? 252);
        if (input.scenario === 'vol-spike-2008') {
          const { baseline, stressed, contributions } = volatilitySpikeVar(book, VOLATILITY_SPIKE_2008, { confidence: input.confidence ?? 0.99, horizonDays: input.horizonDays ?? 1 });
          return { scenario: input.scenario, volatilitySpike: { baseline, stressed, contributions }, from, to };
        }
        const scenario = shockScenario(input, () => positionBetas(book, benchmark));
        return { scenario: input.scenario, shock: applyShockScenario(book, scenario), from, to };
      }),
  );
}

function shockScenario(input: { scenario: string; shock?: number; shocks?: Record<string, number>; otherwise?: number; marketShock?: number }, betas: () => Record<string, number>): ShockScenario {
  const need = (value: number | undefined, field: string): number => {
    if (value === undefined) throw new DeskError('invalid_input', `${field} is required for the ${input.scenario} scenario`, { field });
    return value;
  };
  switch (input.scenario) {
    case 'uniform': return { kind: 'uniform', shock: need(input.shock, 'shock') };
    case 'beta-scaled': return { kind: 'beta-scaled', marketShock: need(input.marketShock, 'marketShock'), betas: betas() };
    default: {
      if (!input.shocks) throw new DeskError('invalid_input', 'shocks is required for the per-symbol scenario, e.g. {"AAPL":-0.3}', { field: 'shocks' });
      const shocks = Object.fromEntries(Object.entries(input.shocks).map(([symbol, shock]) => [symbol.toUpperCase(), shock]));
      return { kind: 'per-symbol', shocks, otherwise: input.otherwise };
    }
  }
}
