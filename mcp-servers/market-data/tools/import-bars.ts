import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DeskError, IsoDateSchema, SymbolSchema } from '../../../core/index.ts';
import { BAR_FIELDS, CSV_FORMATS, importBars } from '../../../tools/market/index.ts';
import { handle } from '../../shared/index.ts';
import { importDeps, importRunOutput, pickSource, progressReporter, summariseRun, type MarketDataIngest } from '../ingest.ts';

export const importBarsInput = {
  source: z.enum(['csv', 'synthetic', 'yahoo', 'alpaca']).describe('"csv" (a file in the data directory), "synthetic" (seeded demo generator), "yahoo" or "alpaca" (network, when configured)'),
  symbol: SymbolSchema.describe('Ticker to store the bars under, e.g. AAPL'),
  path: z.string().min(1).optional().describe('csv only: file path, relative to the desk data directory'),
  format: z.enum(CSV_FORMATS).default('yahoo').describe('csv only: "yahoo" (Date,Open,High,Low,Close,Adj Close,Volume), "stooq" or "generic" (with columns)'),
  columns: z.partialRecord(z.enum(BAR_FIELDS), z.string().min(1)).optional().describe('csv generic only: header name per field, e.g. {"date":"Day","close":"Last"}'),
  from: IsoDateSchema.optional().describe('First date, inclusive (network sources default to 12 months before `to`)'),
  to: IsoDateSchema.optional().describe('Last date, inclusive (network sources default to today)'),
  skipInvalid: z.boolean().default(false).describe('Write the valid rows even when some rows are invalid (each skipped row is listed). Default false: any invalid row refuses the whole import'),
};

export const importBarsOutput = importRunOutput.shape;

export function registerImportBarsTool(server: McpServer, ingest: MarketDataIngest): void {
  const network = Object.values(ingest.sources).some((source) => source.network);
  server.registerTool(
    'import_bars',
    {
      title: 'Import daily bars',
      description:
        'Imports daily OHLCV bars for one symbol from a CSV file, the synthetic generator, Yahoo Finance or Alpaca, validates them and upserts them idempotently. ' +
        'Returns status (imported | refused | failed), rows read, rows inserted/updated/unchanged, skipped rows and issues (file errors name their line). ' +
        'A source with invalid rows is refused unless skipInvalid is true; warnings (gaps, stale data, suspected splits) never block. ' +
        'Example: {"source":"csv","symbol":"ACME","path":"acme.csv","format":"yahoo"}.',
      inputSchema: importBarsInput,
      outputSchema: importBarsOutput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: network },
    },
    (input, extra) =>
      handle(async () => {
        const source = input.source === 'csv' ? ingest.openCsv({ path: requirePath(input.path), format: input.format, columns: input.columns }) : pickSource(ingest, input.source);
        const onProgress = progressReporter(extra, (progress) => `${progress.symbol} ${progress.phase} ${progress.rows}${progress.total ? `/${progress.total}` : ''} rows`);
        const run = await importBars({ source, symbol: input.symbol, range: { from: input.from, to: input.to }, skipInvalid: input.skipInvalid, signal: extra.signal, onProgress }, importDeps(ingest));
        return summariseRun(run);
      }),
  );
}

function requirePath(path: string | undefined): string {
  if (path === undefined) throw new DeskError('invalid_input', 'path is required when source is "csv" (a file in the desk data directory)', { field: 'path' });
  return path;
}
