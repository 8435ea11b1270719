import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { BacktestMetricsSchema } from '../../../core/index.ts';
import { bootstrapTrades, runStepsAsync, specBacktester, walkForwardSteps } from '../../../tools/strategy-lab/index.ts';
import { handle } from '../../shared/index.ts';
import { searchInput, searchOptions } from '../search-input.ts';
import { dataInput, loadData, progressOf, resolveStrategy, strategyReference, versionOutput, type StrategyToolDeps } from '../strategy-inputs.ts';

export const walkForwardInput = {
  strategy: strategyReference,
  ...dataInput,
  inSample: z.number().int().min(20).max(5000).describe('Bars each optimisation sees, e.g. 504 (two years of days)'),
  outOfSample: z.number().int().min(5).max(2000).describe('Bars the chosen set then trades unseen, e.g. 126'),
  step: z.number().int().min(1).max(2000).optional().describe('Bars between windows (default outOfSample)'),
  mode: z.enum(['rolling', 'anchored']).default('rolling').describe('rolling: fixed in-sample length; anchored: in-sample always starts at the first bar'),
  ...searchInput,
};

const interval = z.object({ estimate: z.number(), median: z.number(), lower: z.number(), upper: z.number() });

export const walkForwardOutput = {
  strategy: versionOutput,
  symbol: z.string(), mode: z.string(), evaluated: z.number(),
  windows: z.array(z.object({
    inSample: z.object({ from: z.string(), to: z.string() }),
    outOfSample: z.object({ from: z.string(), to: z.string() }),
    params: z.record(z.string(), z.number()).nullable().describe('In-sample winner, null when none was feasible (out-of-sample then stays in cash)'),
    inSampleMetrics: BacktestMetricsSchema.nullable(),
    outOfSampleMetrics: BacktestMetricsSchema.nullable(),
    efficiency: z.number().nullable(),
  })),
  outOfSample: z.object({ from: z.string(), to: z.string(), metrics: BacktestMetricsSchema }).describe('The out-of-sample windows chained into one curve'),
  efficiency: z.number().nullable().describe('Out-of-sample annualized return / mean in-sample annualized return (about 0.5 or more is usually considered robust)'),
  tradeBootstrap: z.object({ trades: z.number(), confidence: z.number(), totalReturn: interval, maxDrawdown: interval, sharpe: interval, probabilityOfLoss: z.number() }).nullable()
    .describe('Resampled out-of-sample trades (2000 seeded draws): 95% intervals; null with fewer than 2 trades'),
};

/** walk_forward: rolling or anchored walk-forward optimisation with out-of-sample reporting. */
export function registerWalkForwardTool(server: McpServer, deps: StrategyToolDeps): void {
  server.registerTool(
    'walk_forward',
    {
      title: 'Walk-forward test a strategy',
      description:
        'Splits stored daily bars into windows; in each, searches the parameters on the in-sample bars and trades the winner on the following out-of-sample bars, starting flat. ' +
        'Reports every window, the chained out-of-sample metrics, walk-forward efficiency and a bootstrap of the out-of-sample trades. The honest test of a tuned strategy. ' +
        'Total backtests = windows × search size (at most 5000 per window). Sends progress notifications when the request has a progressToken. ' +
        'Example: {"strategy":"sma_crossover","symbol":"AAPL","years":10,"inSample":504,"outOfSample":126,"method":"grid","objective":{"metric":"sharpe"},"ranges":{"fast":{"values":[5,10,20]},"slow":{"values":[50,100]}}}.',
      inputSchema: walkForwardInput,
      outputSchema: walkForwardOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input, extra) =>
      handle(async () => {
        const { spec, version } = await resolveStrategy(deps, input.strategy);
        const { series, settings, externals } = await loadData(deps.bars, { ...input, years: input.years ?? 10 });
        const backtest = specBacktester(series, spec, settings, externals);
        const options = { inSample: input.inSample, outOfSample: input.outOfSample, step: input.step, mode: input.mode, initialCash: settings.initialCash, search: searchOptions(input) };
        const result = await runStepsAsync(walkForwardSteps(backtest, spec, series.dates, options), progressOf(extra));
        const trades = result.windows.flatMap((window) => (window.params === null ? [] : backtest(window.params, window.outOfSample).trades.map((trade) => trade.returnPct)));
        const bootstrap = trades.length < 2 ? null : bootstrapTrades(trades, { seed: input.seed ?? 1 });
        return {
          strategy: version, symbol: series.symbol, mode: result.mode, evaluated: result.evaluated,
          windows: result.windows.map((window) => ({
            inSample: { from: window.inSample.from, to: window.inSample.to }, outOfSample: { from: window.outOfSample.from, to: window.outOfSample.to },
            params: window.params, inSampleMetrics: window.inSampleMetrics, outOfSampleMetrics: window.outOfSampleMetrics, efficiency: window.efficiency,
          })),
          outOfSample: { from: result.stitched.dates[0], to: result.stitched.dates[result.stitched.dates.length - 1], metrics: result.stitched.metrics },
          efficiency: result.efficiency,
          tradeBootstrap: bootstrap && { trades: bootstrap.trades, confidence: bootstrap.confidence, totalReturn: bootstrap.totalReturn, maxDrawdown: bootstrap.maxDrawdown, sharpe: bootstrap.sharpe, probabilityOfLoss: bootstrap.probabilityOfLoss },
        };
      }),
  );
}
