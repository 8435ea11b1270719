import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DataIssueSchema, SymbolSchema, type MarketDataStore } from '../../../core/index.ts';
import { candidatesFromSeries, validateBars } from '../../../tools/market/index.ts';
import { handle } from '../../shared/index.ts';
import type { MarketDataIngest } from '../ingest.ts';

const ISSUES_SHOWN = 20;

export const dataQualityReportInput = {
  symbols: z.array(SymbolSchema).min(1).max(100).optional().describe('Tickers to check (default: every stored symbol)'),
  staleAfterDays: z.number().int().min(1).max(365).default(5).describe('Flag a series whose last bar is more than this many weekdays old (default 5)'),
};

export const dataQualityReportOutput = {
  asOf: z.string(),
  symbols: z.array(z.object({
    symbol: z.string(), bars: z.number(), firstDate: z.string().nullable(), lastDate: z.string().nullable(),
    issueCounts: z.record(z.string(), z.number()), issues: z.array(DataIssueSchema),
    lastImport: z.object({ id: z.string(), source: z.string(), status: z.string(), finishedAt: z.string(), skipped: z.number(), issueCount: z.number(), error: z.string().nullable() }).nullable(),
  })),
};

export function registerDataQualityReportTool(server: McpServer, deps: { bars: MarketDataStore }, ingest: MarketDataIngest): void {
  server.registerTool(
    'data_quality_report',
    {
      title: 'Data quality report',
      description:
        'Checks stored daily bars per symbol and lists what looks wrong: gaps of missing weekdays, runs of identical bars, a stale last bar, suspected unadjusted splits, inconsistent OHLC. ' +
        'Also shows the last import of each symbol (status, skipped rows). Use it before trusting a backtest on imported data. Example: {"symbols":["AAPL"]}.',
      inputSchema: dataQualityReportInput,
      outputSchema: dataQualityReportOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    ({ symbols, staleAfterDays }) =>
      handle(async () => {
        const asOf = ingest.clock.now().toISOString().slice(0, 10);
        const chosen = symbols ?? (await deps.bars.listSymbols()).map((info) => info.symbol);
        const reports = [];
        for (const symbol of chosen) {
          const series = await deps.bars.getBars(symbol);
          const { issues } = validateBars(symbol, candidatesFromSeries(series), { asOf, staleAfterDays });
          const [last] = await ingest.imports.listRuns({ symbol, limit: 1 });
          const issueCounts: Record<string, number> = {};
          for (const issue of issues) issueCounts[issue.code] = (issueCounts[issue.code] ?? 0) + 1;
          reports.push({
            symbol, bars: series.dates.length, firstDate: series.dates[0] ?? null, lastDate: series.dates.at(-1) ?? null, issueCounts, issues: issues.slice(0, ISSUES_SHOWN),
            lastImport: last ? { id: last.id, source: last.source, status: last.status, finishedAt: last.finishedAt, skipped: last.skipped, issueCount: last.issues.length, error: last.error } : null,
          });
        }
        return { asOf, symbols: reports };
      }),
  );
}
