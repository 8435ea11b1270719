import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { SymbolSchema, type MarketDataStore } from '../../../core/index.ts';
import { refreshSymbols } from '../../../tools/market/index.ts';
import { handle } from '../../shared/index.ts';
import { importDeps, importRunOutput, pickSource, progressReporter, summariseRun, type MarketDataIngest } from '../ingest.ts';

export const refreshInput = {
  symbols: z.array(SymbolSchema).min(1).max(100).optional().describe('Tickers to bring up to date (default: the configured refresh list, else every stored symbol)'),
  source: z.enum(['synthetic', 'yahoo', 'alpaca']).optional().describe('Where to read from (default: the configured refresh source)'),
};

export const refreshOutput = { runs: z.array(importRunOutput) };

export function registerRefreshTool(server: McpServer, deps: { bars: MarketDataStore }, ingest: MarketDataIngest): void {
  const network = Object.values(ingest.sources).some((source) => source.network);
  server.registerTool(
    'refresh',
    {
      title: 'Refresh daily bars',
      description:
        'Brings symbols up to today: for each, re-reads from a week before its last stored bar (or 12 months back for a new symbol) and upserts. ' +
        'Invalid rows are skipped and listed per symbol; network failures are retried with backoff. Returns one import run per symbol. Example: {"symbols":["AAPL","MSFT"]}.',
      inputSchema: refreshInput,
      outputSchema: refreshOutput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: network },
    },
    ({ symbols, source }, extra) =>
      handle(async () => {
        const configured = ingest.refresh.symbols.length > 0 ? ingest.refresh.symbols : (await deps.bars.listSymbols()).map((info) => info.symbol);
        const chosen = symbols ?? configured;
        const onProgress = progressReporter(extra, (progress) => `${progress.symbol} ${progress.phase} ${progress.rows} rows`);
        const runs = await refreshSymbols({
          symbols: chosen, source: pickSource(ingest, source ?? ingest.refresh.source), signal: extra.signal, onProgress,
          lastStoredDate: async (symbol) => (await deps.bars.latestClose(symbol))?.date ?? null,
        }, importDeps(ingest));
        return { runs: runs.map(summariseRun) };
      }),
  );
}
