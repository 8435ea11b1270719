import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { BacktestMetricsSchema } from '../../../core/index.ts';
import { overfitReport, restrict, runStepsAsync, searchSteps, specBacktester } from '../../../tools/strategy-lab/index.ts';
import { handle } from '../../shared/index.ts';
import { evaluationOutput, evaluationView, searchInput, searchOptions } from '../search-input.ts';
import { dataInput, loadData, progressOf, resolveStrategy, strategyReference, versionOutput, type StrategyToolDeps } from '../strategy-inputs.ts';

export const sweepInput = {
  strategy: strategyReference,
  ...dataInput,
  ...searchInput,
  top: z.number().int().min(1).max(50).optional().describe('How many of the best sets to return (default 10)'),
};

export const sweepOutput = {
  strategy: versionOutput,
  symbol: z.string(), from: z.string(), to: z.string(), bars: z.number(),
  method: z.string(), evaluated: z.number().describe('Distinct parameter sets backtested'),
  best: evaluationOutput.nullable(),
  top: z.array(evaluationOutput),
  infeasibleCount: z.number(),
  infeasible: z.array(evaluationOutput).describe('Up to 5 sets that broke a constraint, with the reasons'),
  overfit: z.object({
    trials: z.number(), probabilisticSharpe: z.number(), deflatedSharpe: z.number(), expectedMaxSharpe: z.number(), likelyOverfit: z.boolean(),
  }).nullable().describe('Deflated Sharpe ratio of the best set given every trial: below 0.95 the winner may be luck'),
  metricsOfDefaults: BacktestMetricsSchema.nullable(),
};

/** sweep: parameter search of a strategy on stored bars (read-only, deterministic for a seed). */
export function registerSweepTool(server: McpServer, deps: StrategyToolDeps): void {
  server.registerTool(
    'sweep',
    {
      title: 'Search a strategy’s parameters',
      description:
        'Backtests many parameter sets of one strategy on stored daily bars and ranks them by an objective metric, with optional constraints; infeasible sets are reported with the reasons, not dropped. ' +
        'Grid, seeded random or genetic search; at most 5000 backtests a call. Also reports the deflated Sharpe ratio of the winner (probability it beats the best of that many trials by luck). ' +
        'Metrics are fractions (0.12 = 12%), Sharpe annualized with 252 days. Sends progress notifications when the request has a progressToken. ' +
        'Example: {"strategy":"sma_crossover","symbol":"AAPL","years":5,"method":"grid","objective":{"metric":"sharpe"},"ranges":{"fast":{"min":5,"max":20,"step":5},"slow":{"values":[30,50,100]}},"constraints":[{"metric":"maxDrawdown","op":"lt","value":0.25}]}.',
      inputSchema: sweepInput,
      outputSchema: sweepOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input, extra) =>
      handle(async () => {
        const { spec, version } = await resolveStrategy(deps, input.strategy);
        const { series, settings, externals } = await loadData(deps.bars, input);
        const backtest = specBacktester(series, spec, settings, externals);
        const result = await runStepsAsync(searchSteps(restrict(backtest), spec, searchOptions(input)), progressOf(extra));
        const overfit = result.best === null ? null : overfitReport(result, backtest(result.best.params));
        return {
          strategy: version, symbol: series.symbol, from: series.dates[0], to: series.dates[series.dates.length - 1], bars: series.dates.length,
          method: result.method, evaluated: result.evaluated,
          best: result.best === null ? null : evaluationView(result.best),
          top: result.ranked.slice(0, input.top ?? 10).map(evaluationView),
          infeasibleCount: result.infeasible.length, infeasible: result.infeasible.slice(0, 5).map(evaluationView),
          overfit: overfit && { trials: overfit.trials, probabilisticSharpe: overfit.probabilisticSharpe, deflatedSharpe: overfit.deflatedSharpe, expectedMaxSharpe: overfit.expectedMaxSharpe, likelyOverfit: overfit.likelyOverfit },
          metricsOfDefaults: backtest({}).metrics,
        };
      }),
  );
}
