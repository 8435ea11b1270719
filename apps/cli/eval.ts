import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DeskError } from '../../core/index.ts';
import { runSuites } from '../../evals/harness.ts';
import { SHIPPED_SUITES, loadSuites } from '../../evals/load.ts';
import { htmlReport } from '../../evals/html-report.ts';
import { compareWithBaseline, markdownReport, type EvalReport } from '../../evals/report.ts';

/**
 * `desk eval [SUITE...] [--mode offline|claude|replay] [--recordings DIR] [--report DIR] [--baseline FILE] [--workers N]`: run suites (files or
 * folders; default the shipped ones), print the summary, write report.json, summary.md and index.html.
 * Exits 1 on any safety violation or a regression against the baseline.
 */
export async function evalCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { mode: { type: 'string', default: 'offline' }, report: { type: 'string' }, baseline: { type: 'string' }, recordings: { type: 'string' }, workers: { type: 'string' }, quiet: { type: 'boolean', default: false } }, allowPositionals: true });
  const mode = values.mode as 'offline' | 'claude' | 'replay';
  if (!['offline', 'claude', 'replay'].includes(mode)) throw new DeskError('invalid_input', `--mode must be offline, claude or replay (got ${JSON.stringify(values.mode)})`);
  const key = process.env.ANTHROPIC_API_KEY;
  const claude = key ? { apiKey: key, baseURL: process.env.ANTHROPIC_BASE_URL || undefined, model: process.env.DESK_MODEL || undefined } : undefined;
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) throw new DeskError('invalid_input', `--workers must be a whole number from 1 to 64 (got ${JSON.stringify(values.workers)})`);
  const suites = loadSuites(positionals.length ? positionals.map((path) => resolve(path)) : [SHIPPED_SUITES]);
  const report = await runSuites(suites, {
    mode,
    claude,
    workers,
    recordings: values.recordings ? resolve(values.recordings) : undefined,
    onCase: values.quiet ? undefined : (done, total, score) => process.stderr.write(`\r${progressBar(done, total)} ${done}/${total} ${score.passed ? 'ok  ' : 'FAIL'} ${score.id.padEnd(32)}${done === total ? '\n' : ''}`),
  });
  const regressions = values.baseline ? compareWithBaseline(report, JSON.parse(readFileSync(values.baseline, 'utf8')) as EvalReport) : null;
  const markdown = markdownReport(report, regressions);
  if (values.report) {
    mkdirSync(values.report, { recursive: true });
    writeFileSync(join(values.report, 'report.json'), JSON.stringify(report, null, 2));
    writeFileSync(join(values.report, 'summary.md'), markdown);
    writeFileSync(join(values.report, 'index.html'), htmlReport(report, regressions));
  }
  console.log(markdown);
  return report.summary.safetyViolations > 0 || (regressions?.length ?? 0) > 0 ? 1 : 0;
}

function progressBar(done: number, total: number): string {
  const width = 24;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}
