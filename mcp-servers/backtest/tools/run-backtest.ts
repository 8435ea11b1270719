import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { BacktestMetricsSchema, BacktestSettingsSchema, CrossoverParamsSchema, IsoDateSchema, SymbolSchema, parseWith, type MarketDataStore } from '../../../core/index.ts';
import { runCrossoverBacktest } from '../../../tools/backtest/index.ts';
import { lastYearsRange } from '../../../tools/market/index.ts';
import { handle } from '../../shared/index.ts';

export const runBacktestInput = {
  symbol: SymbolSchema.describe('Ticker, e.g. AAPL'),
  strategy: z.enum(['sma_crossover', 'ema_crossover']).describe('Moving-average crossover, long only'),
  fast: z.number().int().min(1).max(1000).describe('Fast average period in bars, e.g. 10'),
  slow: z.number().int().min(2).max(2000).describe('Slow average period in bars, e.g. 30; must exceed fast'),
  years: z.number().positive().max(50).optional().describe('Use the last N years of data (ignored when from is given)'),
  from: IsoDateSchema.optional().describe('First date, inclusive (YYYY-MM-DD)'),
  to: IsoDateSchema.optional().describe('Last date, inclusive (YYYY-MM-DD)'),
  initialCash: z.number().positive().max(1e12).optional().describe('Starting cash in USD (default 100000)'),
  commissionRate: z.number().min(0).max(0.1).optional().describe('Commission as a fraction of traded value (default 0.001 = 0.1%)'),
};


export const runBacktestOutput = {
  symbol: z.string(), strategy: z.string(), fast: z.number(), slow: z.number(),
  from: z.string(), to: z.string(), bars: z.number(), initialCash: z.number(), commissionRate: z.number(),
  metrics: BacktestMetricsSchema,
  recentTrades: z.array(z.record(z.string(), z.unknown())),
};

export function registerRunBacktestTool(server: McpServer, deps: { bars: MarketDataStore }): void {
  server.registerTool(
    'run_backtest',
    {
      title: 'Backtest a moving-average crossover',
      description:
        'Backtests a long-only moving-average crossover on stored daily bars: signal at the close, market fill at the next open, commission as a fraction of value. ' +
        'Returns metrics as fractions (totalReturn 0.12 = 12%; maxDrawdown is positive), annualized with 252 days, Sharpe with a zero risk-free rate. ' +
        'Example: {"symbol":"AAPL","strategy":"sma_crossover","fast":10,"slow":30,"years":5}.',
      inputSchema: runBacktestInput,
      outputSchema: runBacktestOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      handle(async () => {
        const params = parseWith(CrossoverParamsSchema, { fast: input.fast, slow: input.slow, average: input.strategy === 'ema_crossover' ? 'ema' : 'sma' }, 'strategy parameters');
        const settings = parseWith(BacktestSettingsSchema, { initialCash: input.initialCash, commissionRate: input.commissionRate }, 'backtest settings');
        const all = await deps.bars.getBars(input.symbol, { to: input.to });
        const range = input.from ? { from: input.from, to: input.to } : lastYearsRange(all, input.years ?? 5);
        const series = await deps.bars.getBars(input.symbol, range);
        const result = runCrossoverBacktest(series, params, settings);
        return {
          symbol: result.symbol, strategy: result.strategy, fast: params.fast, slow: params.slow,
          from: result.from, to: result.to, bars: result.bars,
          initialCash: settings.initialCash, commissionRate: settings.commissionRate,
          metrics: result.metrics,
          recentTrades: result.trades.slice(-5),
        };
      }),
  );
}
