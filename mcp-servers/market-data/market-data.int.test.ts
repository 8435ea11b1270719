import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCsvFileSource } from '../../adapters/csv-files/source.ts';
import { counterIds, fixedClock } from '../../core/index.ts';
import { createBarImportStore, createMarketDataStore, type Database } from '../../db/index.ts';
import { openTestDatabase } from '../../test-support/databases.ts';
import { createSyntheticSource } from '../../tools/market/index.ts';
import { connectInProcess } from '../shared/index.ts';
import { createMarketDataServer } from './server.ts';

const CSV = 'Date,Open,High,Low,Close,Volume\n2025-12-01,10,11,9,10.5,100\n2025-12-02,10.5,10,9,10.2,100\n2025-12-08,10.2,11,10,10.8,100\n';

type ToolResult = { isError?: boolean; structuredContent?: Record<string, any>; content: Array<{ text?: string }> };

describe('market-data server import tools on the embedded database', () => {
  const root = mkdtempSync(join(tmpdir(), 'desk-mcp-data-'));
  writeFileSync(join(root, 'acme.csv'), CSV);
  let db: Database;
  let client: Client;
  const call = async (name: string, args: Record<string, unknown>, onprogress?: (progress: { progress: number; message?: string }) => void) =>
    (await client.callTool({ name, arguments: args }, undefined, onprogress ? { onprogress } : undefined)) as ToolResult;

  beforeAll(async () => {
    db = await openTestDatabase('embedded');
    const bars = createMarketDataStore(db);
    const ingest = {
      sources: { synthetic: createSyntheticSource({ seed: 42 }) },
      openCsv: (file: Parameters<typeof createCsvFileSource>[0]) => createCsvFileSource(file, { root }),
      imports: createBarImportStore(db), clock: fixedClock('2026-01-09T12:00:00Z'), ids: counterIds(), sleep: async () => {},
      refresh: { symbols: ['AAPL'], source: 'synthetic' },
    };
    client = await connectInProcess(createMarketDataServer({ bars, ingest }), 'test');
  });
  afterAll(async () => {
    await client?.close();
    await db?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists the import tools with truthful annotations next to the read-only ones', async () => {
    const tools = Object.fromEntries((await client.listTools()).tools.map((tool) => [tool.name, tool.annotations]));
    expect(Object.keys(tools).sort()).toEqual(['data_quality_report', 'get_bars', 'get_quote', 'import_bars', 'list_symbols', 'refresh']);
    expect(tools.import_bars).toMatchObject({ readOnlyHint: false, destructiveHint: true, openWorldHint: false });
    expect(tools.data_quality_report).toMatchObject({ readOnlyHint: true });
  });

  it('refuses a CSV with a bad row naming its line, imports with skipInvalid with progress, then re-imports nothing', async () => {
    const refused = await call('import_bars', { source: 'csv', symbol: 'ACME', path: 'acme.csv' });
    expect(refused.structuredContent).toMatchObject({ status: 'refused', rowsRead: 3, counts: { inserted: 0, updated: 0, unchanged: 0 } });
    expect(refused.structuredContent!.issues[0]).toMatchObject({ line: 3, code: 'ohlc_inconsistent', message: 'line 3, column High: "10" is not valid (below the open, close or low of the bar)' });
    const progress: string[] = [];
    const imported = await call('import_bars', { source: 'csv', symbol: 'ACME', path: 'acme.csv', skipInvalid: true }, (event) => progress.push(event.message ?? ''));
    expect(imported.structuredContent).toMatchObject({ status: 'imported', skipped: 1, counts: { inserted: 2, updated: 0, unchanged: 0 } });
    expect(progress).toEqual(['ACME fetch 3/3 rows', 'ACME store 2/2 rows']);
    const again = await call('import_bars', { source: 'csv', symbol: 'ACME', path: 'acme.csv', skipInvalid: true });
    expect(again.structuredContent!.counts).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('reports gaps, staleness and the last import per symbol', async () => {
    const report = await call('data_quality_report', { symbols: ['ACME'] });
    const [acme] = report.structuredContent!.symbols;
    expect(report.structuredContent!.asOf).toBe('2026-01-09');
    expect(acme).toMatchObject({ symbol: 'ACME', bars: 2, firstDate: '2025-12-01', lastDate: '2025-12-08', issueCounts: { gap: 1, stale_series: 1 }, lastImport: { status: 'imported', skipped: 1, issueCount: 2 } });
    expect(acme.issues[0].message).toBe('ACME: 4 weekdays missing between 2025-12-01 and 2025-12-08');
  });

  it('refreshes the configured symbols from the synthetic source, and refuses paths outside the data directory', async () => {
    const refreshed = await call('refresh', {});
    expect(refreshed.structuredContent!.runs[0]).toMatchObject({ symbol: 'AAPL', source: 'synthetic', from: '2025-01-09', to: '2026-01-09', status: 'imported', counts: { inserted: 262 } });
    const outside = await call('import_bars', { source: 'csv', symbol: 'ACME', path: '../secret.csv' });
    expect(outside.isError).toBe(true);
    expect(outside.content[0].text).toMatch(/outside the data directory/);
    const missing = await call('import_bars', { source: 'yahoo', symbol: 'ACME' });
    expect(missing.content[0].text).toMatch(/source yahoo is not configured here; available: csv, synthetic/);
  });
});
