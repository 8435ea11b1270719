import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { IsoDateSchema, SignalSeriesSchema, SymbolSchema, type Clock, type NewsStore } from '../../../core/index.ts';
import { symbolSignal } from '../../../tools/news/index.ts';
import { handleQuoted } from '../quoted.ts';

export const symbolSignalInput = {
  symbol: SymbolSchema.describe('Ticker, e.g. AAPL'),
  from: IsoDateSchema.optional().describe('First day (YYYY-MM-DD); default 30 days before `to`'),
  to: IsoDateSchema.optional().describe('Last day (YYYY-MM-DD); default today (UTC)'),
  halfLifeDays: z.number().positive().max(365).default(2).describe('Days for a news item\'s weight to halve (default 2)'),
  sourceWeights: z.record(z.string(), z.number().min(0).max(100)).optional().describe('Weight per source name, e.g. {"Reuters":1.5,"Blog":0.5}; others weigh 1'),
  scorer: z.string().default('lexicon-v1').describe('Whose scores to use: "lexicon-v1" (offline) or another configured scorer such as "claude"'),
  maxEvidence: z.number().int().min(0).max(20).default(3).describe('Documents listed per day as evidence, heaviest first (default 3)'),
};

export const symbolSignalOutput = { notice: z.string(), ...SignalSeriesSchema.shape };

export function registerSymbolSignalTool(server: McpServer, deps: { news: NewsStore; clock: Clock }): void {
  server.registerTool(
    'symbol_signal',
    {
      title: 'Daily news signal of a symbol',
      description:
        'Per day, a decayed, source-weighted news sentiment score and event score in [-1, 1] for one ticker, with the documents behind each value ' +
        '(id, quoted headline, source, weight). A day without news is 0. Weight of an item d days old: sourceWeight × 0.5^(d / halfLifeDays); ' +
        'value = Σ weight × score / max(1, Σ weight). Strategy specs can use it as {"external":"sentiment"} or {"external":"event"}. ' +
        'A signal, never an order. Example: {"symbol":"AAPL","from":"2025-06-01","to":"2025-06-30"}.',
      inputSchema: symbolSignalInput,
      outputSchema: symbolSignalOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      handleQuoted(async () => {
        const to = input.to ?? deps.clock.now().toISOString().slice(0, 10);
        const from = input.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
        return { ...(await symbolSignal(deps.news, { ...input, from, to })) };
      }),
  );
}
