import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createNewsFeedClient } from '../../adapters/news-feed/index.ts';
import { DeskError, type SignalSeries } from '../../core/index.ts';
import { ingestNews, NEWS_FORMATS, parseNews, symbolSignal, type IngestReport, type NewsFormat } from '../../tools/news/index.ts';
import { scoreText } from '../../tools/signals/index.ts';
import { loadConfig } from '../runtime/config.ts';
import type { Desk } from '../runtime/desk.ts';

const SIGNALS_USAGE = 'desk signals score "TEXT" [--json] | desk signals score --file SENTENCES.txt [--json] | desk signals series SYMBOL [--from D] [--to D] [--half-life DAYS] [--json]';
const NEWS_USAGE = 'desk news ingest FILE|URL [--format auto|feed|jsonl|csv] [--source NAME] [--json] | desk news search "QUERY" [--symbol SYM] [--from D] [--to D] [--limit N] [--json]';

/** `desk signals score|series ...`: offline sentiment of texts, and a symbol's daily news signal. */
export async function signalsCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'score') return score(rest);
  if (subcommand === 'series') return series(rest);
  throw new DeskError('invalid_input', `desk signals needs a subcommand: ${SIGNALS_USAGE}`);
}

/** `desk news ingest|search ...`: store news from a file or feed URL; search it by meaning. */
export async function newsCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === 'ingest') return ingest(rest);
  if (subcommand === 'search') return search(rest);
  throw new DeskError('invalid_input', `desk news needs a subcommand: ${NEWS_USAGE}`);
}

function score(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { file: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if ((values.file === undefined) === (positionals.length === 0)) throw new DeskError('invalid_input', `give a text or --file (one sentence a line): ${SIGNALS_USAGE}`);
  if (values.file === undefined) {
    const text = positionals.join(' ');
    const result = scoreText(text);
    console.log(values.json ? JSON.stringify({ text, ...result.sentiment, event: result.event }) : describeScore(text, result));
    return 0;
  }
  const lines = readFileSync(values.file, 'utf8').split(/\r?\n/).map((line, index) => ({ line: index + 1, text: line.trim() })).filter((entry) => entry.text !== '');
  for (const { line, text } of lines) {
    const { sentiment } = scoreText(text);
    console.log(values.json ? JSON.stringify({ line, label: sentiment.label, score: round(sentiment.score), text }) : `${sentiment.label.padEnd(8)} ${round(sentiment.score).toFixed(4).padStart(7)}  ${text}`);
  }
  return 0;
}

async function series(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { from: { type: 'string' }, to: { type: 'string' }, 'half-life': { type: 'string' }, json: { type: 'boolean', default: false } } });
  const symbol = positionals[0]?.toUpperCase();
  if (!symbol) throw new DeskError('invalid_input', `desk signals series needs a symbol: ${SIGNALS_USAGE}`);
  const halfLifeDays = values['half-life'] === undefined ? undefined : Number(values['half-life']);
  const result = await withDesk((desk) => symbolSignal(desk.serverDeps.news, { symbol, from: values.from, to: values.to, halfLifeDays, maxEvidence: 1 }));
  console.log(values.json ? JSON.stringify(result, null, 2) : describeSeries(result));
  return 0;
}

async function ingest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'auto' }, source: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const target = positionals[0];
  if (!target) throw new DeskError('invalid_input', `desk news ingest needs a file or URL: ${NEWS_USAGE}`);
  if (!(NEWS_FORMATS as readonly string[]).includes(values.format!)) throw new DeskError('invalid_input', `--format must be one of ${NEWS_FORMATS.join(', ')} (got "${values.format}")`, { field: 'format' });
  const isUrl = /^https?:\/\//i.test(target);
  // Read and parse before opening the desk: a bad file fails fast.
  const text = isUrl ? await createNewsFeedClient().fetchText(target) : readFileSync(target, 'utf8');
  const format = (isUrl && values.format === 'auto' ? 'feed' : values.format) as NewsFormat;
  const batch = parseNews(text, { format, name: isUrl ? undefined : target, defaultSource: values.source ?? (isUrl ? new URL(target).hostname : basename(target)) });
  const report = await withDesk((desk) => ingestNews(batch, { news: desk.serverDeps.news, scorers: desk.serverDeps.scorers, index: desk.serverDeps.semantic, clock: desk.serverDeps.clock }));
  console.log(values.json ? JSON.stringify(report, null, 2) : describeIngest(report));
  return 0;
}

async function search(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { symbol: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const query = positionals.join(' ').trim();
  if (query.length < 2) throw new DeskError('invalid_input', `desk news search needs a query: ${NEWS_USAGE}`);
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new DeskError('invalid_input', `--limit must be a whole number from 1 to 100 (got "${values.limit}")`, { field: 'limit' });
  const hits = await withDesk((desk) => desk.serverDeps.semantic.searchNews(query, { symbol: values.symbol, from: values.from, to: values.to, limit }));
  if (values.json) console.log(JSON.stringify(hits, null, 2));
  else if (hits.length === 0) console.log('no stored news matches');
  else for (const { item, similarity } of hits) console.log(`${similarity.toFixed(3)}  ${item.publishedAt.slice(0, 10)}  [${item.tickers.join(',')}] ${JSON.stringify(item.headline)} (${item.source})`);
  return 0;
}

async function withDesk<T>(work: (desk: Desk) => Promise<T>): Promise<T> {
  const { openDesk } = await import('../runtime/desk.ts');
  const desk = await openDesk(loadConfig(process.env), { role: 'cli' });
  try {
    return await work(desk);
  } finally {
    await desk.close();
  }
}

function describeScore(text: string, result: ReturnType<typeof scoreText>): string {
  const drivers = result.sentiment.drivers.map((driver) => `${driver.text} ${driver.contribution >= 0 ? '+' : ''}${round(driver.contribution)}`).join(', ');
  return `${result.sentiment.label} ${round(result.sentiment.score).toFixed(4)}  event ${result.event.type} (${result.event.confidence})\n  drivers: ${drivers || 'none'}\n  text: ${JSON.stringify(text)}`;
}

function describeIngest(report: IngestReport): string {
  return [
    `stored ${report.stored.length}, duplicates ${report.duplicates.length}, refused ${report.problems.length}; scored ${Object.entries(report.scored).map(([name, count]) => `${count} by ${name}`).join(', ') || 'none'}; embedded ${report.embedded} (semantic search ${report.semanticSearch})`,
    ...report.problems.map((problem) => `  refused ${problem.at}: ${problem.reason}`),
    ...report.scorerErrors.map((entry) => `  scorer ${entry.scorer} failed: ${entry.reason}`),
  ].join('\n');
}

function describeSeries(result: SignalSeries): string {
  const lines = result.points.map((point) => `${point.date}  ${point.sentiment.toFixed(3).padStart(6)}  ${point.event.toFixed(3).padStart(6)}  ${String(point.documents).padStart(4)}  ${point.evidence[0] ? JSON.stringify(point.evidence[0].headline) : ''}`);
  return [`${result.symbol} news signal (${result.scorer}, half-life ${result.halfLifeDays} d)`, 'date        sentiment event  docs  heaviest headline', ...lines].join('\n');
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
