import { parseArgs } from 'node:util';
import { createCsvFileSource } from '../../adapters/csv-files/source.ts';
import { DeskError, type ImportProgress, type ImportRun, type MarketDataSource } from '../../core/index.ts';
import { CSV_FORMATS, importBars, parseColumnMap, type CsvFormat } from '../../tools/market/index.ts';
import { loadConfig } from '../runtime/config.ts';

const USAGE = `desk data import --csv FILE --symbol SYM [--format yahoo|stooq|generic] [--map date=Date,close=Close,...] [--skip-invalid] [--json]
desk data import --source synthetic|yahoo|alpaca --symbol SYM [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--skip-invalid] [--json]
desk data quality [SYM...] [--json]
desk data refresh [SYM...] [--source synthetic|yahoo|alpaca] [--json]`;

type Desk = Awaited<ReturnType<typeof import('../runtime/desk.ts')['openDesk']>>;
type ToolAnswer = { isError?: boolean; structuredContent?: Record<string, unknown>; content: Array<{ text?: string }> };

/** `desk data ...`: import bars from a file or provider, check their quality, refresh them. */
export async function dataCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'import' && subcommand !== 'quality' && subcommand !== 'refresh') throw new DeskError('invalid_input', `desk data needs a subcommand:\n${USAGE}`);
  const { values, positionals } = parseArgs({
    args: rest, allowPositionals: true,
    options: {
      csv: { type: 'string' }, source: { type: 'string' }, symbol: { type: 'string' }, format: { type: 'string', default: 'yahoo' }, map: { type: 'string' },
      from: { type: 'string' }, to: { type: 'string' }, 'skip-invalid': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
    },
  });
  const { openDesk } = await import('../runtime/desk.ts');
  const desk = await openDesk(loadConfig(process.env), { role: 'cli' });
  try {
    if (subcommand === 'import') return await importCommand(desk, values);
    const arguments_ = subcommand === 'quality'
      ? (positionals.length ? { symbols: positionals } : {})
      : { ...(positionals.length ? { symbols: positionals } : {}), ...(values.source ? { source: values.source } : {}) };
    const answer = await callTool(desk, subcommand === 'quality' ? 'data_quality_report' : 'refresh', arguments_);
    console.log(values.json ? JSON.stringify(answer, null, 2) : subcommand === 'quality' ? describeQuality(answer) : (answer.runs as ImportRun[]).map(describeRun).join('\n'));
    return subcommand === 'refresh' && (answer.runs as ImportRun[]).some((run) => run.status !== 'imported') ? 1 : 0;
  } finally {
    await desk.close();
  }
}

async function importCommand(desk: Desk, values: Record<string, string | boolean | undefined>): Promise<number> {
  const ingest = desk.serverDeps.ingest!;
  if (typeof values.symbol !== 'string') throw new DeskError('invalid_input', `--symbol is required:\n${USAGE}`, { field: 'symbol' });
  if ((values.csv === undefined) === (values.source === undefined)) throw new DeskError('invalid_input', `give either --csv FILE or --source NAME:\n${USAGE}`, { field: 'source' });
  let source: MarketDataSource;
  if (typeof values.csv === 'string') {
    const format = values.format as CsvFormat;
    if (!(CSV_FORMATS as readonly string[]).includes(format)) throw new DeskError('invalid_input', `--format must be one of ${CSV_FORMATS.join(', ')} (got "${format}")`, { field: 'format' });
    source = createCsvFileSource({ path: values.csv, format, columns: typeof values.map === 'string' ? parseColumnMap(values.map) : undefined });
  } else {
    source = ingest.sources[String(values.source)];
    if (!source) throw new DeskError('invalid_input', `--source must be one of ${Object.keys(ingest.sources).join(', ')} here (yahoo needs DESK_YAHOO=1, alpaca needs APCA_API_KEY_ID and APCA_API_SECRET_KEY)`, { field: 'source' });
  }
  const run = await importBars({
    source, symbol: values.symbol, range: { from: values.from as string | undefined, to: values.to as string | undefined }, skipInvalid: values['skip-invalid'] === true, onProgress: progressLine(),
  }, { store: ingest.imports, clock: ingest.clock, ids: ingest.ids, sleep: ingest.sleep });
  console.log(values.json ? JSON.stringify(run, null, 2) : describeRun(run));
  return run.status === 'imported' ? 0 : 1;
}

/** A progress line on stderr: rewritten in place on a terminal, one line per 10,000 rows otherwise. */
function progressLine(): (progress: ImportProgress) => void {
  let printed = 0;
  return (progress) => {
    const text = `${progress.symbol}: ${progress.phase} ${progress.rows.toLocaleString('en-US')}${progress.total ? `/${progress.total.toLocaleString('en-US')}` : ''} rows`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}\u001b[K${progress.phase === 'store' && progress.rows === progress.total ? '\n' : ''}`);
    else if (progress.rows - printed >= 10_000) {
      printed = progress.rows;
      process.stderr.write(`${text}\n`);
    }
  };
}

async function callTool(desk: Desk, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { createServer } = await import('../runtime/servers.ts');
  const { connectInProcess } = await import('../../mcp-servers/index.ts');
  const client = await connectInProcess(createServer('market-data', desk.serverDeps), 'desk-cli');
  try {
    const result = (await client.callTool({ name, arguments: args }, undefined, { onprogress: (event) => process.stderr.isTTY && process.stderr.write(`\r${event.message ?? ''}\u001b[K`), timeout: 3_600_000 })) as ToolAnswer;
    if (result.isError || !result.structuredContent) throw new DeskError('invalid_input', result.content[0]?.text ?? `${name} failed`);
    return result.structuredContent;
  } finally {
    await client.close();
  }
}

function describeRun(run: Pick<ImportRun, 'symbol' | 'source' | 'status' | 'rowsRead' | 'skipped' | 'counts' | 'issues' | 'error'> & { issueCount?: number }): string {
  const { inserted, updated, unchanged } = run.counts;
  const lines = [`${run.symbol} from ${run.source}: ${run.status} · ${run.rowsRead} rows read · inserted ${inserted}, updated ${updated}, unchanged ${unchanged}, skipped ${run.skipped}`];
  if (run.error) lines.push(`  ${run.error}`);
  for (const issue of run.issues) lines.push(`  ${issue.severity.padEnd(7)} ${issue.message}`);
  if (run.issueCount !== undefined && run.issueCount > run.issues.length) lines.push(`  ... ${run.issueCount - run.issues.length} more issue(s)`);
  return lines.join('\n');
}

function describeQuality(report: Record<string, unknown>): string {
  const symbols = report.symbols as Array<{ symbol: string; bars: number; firstDate: string | null; lastDate: string | null; issueCounts: Record<string, number>; issues: Array<{ severity: string; message: string }>; lastImport: { source: string; status: string; finishedAt: string } | null }>;
  return [`data quality as of ${report.asOf}:`, ...symbols.flatMap((entry) => {
    const counts = Object.entries(entry.issueCounts).map(([code, count]) => `${count} ${code}`).join(', ') || 'no issues';
    const last = entry.lastImport ? ` · last import ${entry.lastImport.source} ${entry.lastImport.status} ${entry.lastImport.finishedAt}` : '';
    return [`${entry.symbol.padEnd(6)} ${entry.bars} bars ${entry.firstDate ?? '-'} to ${entry.lastDate ?? '-'} · ${counts}${last}`, ...entry.issues.map((issue) => `  ${issue.severity.padEnd(7)} ${issue.message}`)];
  })].join('\n');
}
