import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { BacktestMetricsSchema } from '../../../core/index.ts';
import { compareStrategies, specBacktester, type BarRange } from '../../../tools/strategy-lab/index.ts';
import { handle } from '../../shared/index.ts';
import { dataInput, loadData, paramsInput, resolveStrategy, strategyReference, versionOutput, type StrategyToolDeps } from '../strategy-inputs.ts';

export const compareStrategiesInput = {
  a: strategyReference.describe('Strategy A (the incumbent): "name", "name@version", a version id, or an inline spec'),
  b: strategyReference.describe('Strategy B (the challenger), same forms as a'),
  paramsA: paramsInput.optional(),
  paramsB: paramsInput.optional(),
  ...dataInput,
  windows: z.number().int().min(1).max(20).optional().describe('Also split the range into this many equal windows and report both strategies on each (default 1: none)'),
  samples: z.number().int().min(100).max(20_000).optional().describe('Paired bootstrap resamples (default 2000)'),
  confidence: z.number().gt(0.5).lt(1).optional().describe('Confidence of the intervals and of the verdict (default 0.95)'),
  seed: z.number().int().optional().describe('Bootstrap seed (default 1)'),
};

const paired = z.object({ a: z.number(), b: z.number(), difference: z.object({ estimate: z.number(), median: z.number(), lower: z.number(), upper: z.number() }), better: z.enum(['a', 'b']).nullable() });

export const compareStrategiesOutput = {
  a: z.object({ strategy: versionOutput, params: z.record(z.string(), z.union([z.number(), z.string()])), metrics: BacktestMetricsSchema }),
  b: z.object({ strategy: versionOutput, params: z.record(z.string(), z.union([z.number(), z.string()])), metrics: BacktestMetricsSchema }),
  symbol: z.string(), from: z.string(), to: z.string(), observations: z.number(), blockLength: z.number(), confidence: z.number(),
  sharpe: paired, annualizedReturn: paired, totalReturn: paired,
  verdict: z.string().describe('Plain sentence; "B is better" only when the interval of B − A excludes 0'),
  windows: z.array(z.object({ from: z.string(), to: z.string(), a: BacktestMetricsSchema, b: BacktestMetricsSchema })),
};

/** compare_strategies: A/B test of two strategies (or versions) on the same bars. */
export function registerCompareStrategiesTool(server: McpServer, deps: StrategyToolDeps): void {
  server.registerTool(
    'compare_strategies',
    {
      title: 'A/B test two strategies',
      description:
        'Backtests two strategies (or two versions of one) on the same stored daily bars and compares their daily returns with a paired block bootstrap: ' +
        'intervals of B − A for annualized Sharpe ratio, annualized and total return, and a verdict that says "B is better" only when the Sharpe interval excludes 0. ' +
        'Returns are fractions (0.12 = 12%). Example: {"a":"sma_crossover@1","b":"sma_crossover@2","symbol":"AAPL","years":5,"windows":4}.',
      inputSchema: compareStrategiesInput,
      outputSchema: compareStrategiesOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      handle(async () => {
        const [a, b] = await Promise.all([resolveStrategy(deps, input.a), resolveStrategy(deps, input.b)]);
        const { series, settings, externals } = await loadData(deps.bars, input);
        const count = input.windows ?? 1;
        const bars = series.dates.length;
        const windows: BarRange[] = count === 1 ? [] : Array.from({ length: count }, (_, index) => ({ start: Math.floor((index * bars) / count), end: Math.floor(((index + 1) * bars) / count) }));
        const comparison = compareStrategies(
          { backtest: specBacktester(series, a.spec, settings, externals), params: input.paramsA ?? {} },
          { backtest: specBacktester(series, b.spec, settings, externals), params: input.paramsB ?? {} },
          { samples: input.samples, confidence: input.confidence, seed: input.seed, windows },
        );
        return {
          a: { strategy: a.version, params: comparison.a.params, metrics: comparison.a.metrics },
          b: { strategy: b.version, params: comparison.b.params, metrics: comparison.b.metrics },
          symbol: series.symbol, from: comparison.from, to: comparison.to, observations: comparison.observations, blockLength: comparison.blockLength, confidence: comparison.confidence,
          sharpe: comparison.sharpe, annualizedReturn: comparison.annualizedReturn, totalReturn: comparison.totalReturn, verdict: comparison.verdict, windows: comparison.windows,
        };
      }),
  );
}
