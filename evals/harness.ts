import type { EvalSuite } from './suite-schema.ts';
import { availableParallelism } from 'node:os';
import { prepareTemplate } from './run-case.ts';
import type { CaseScore } from './score.ts';
import { summarize } from './summarize.ts';
import type { EvalReport } from './report.ts';
import type { ModelOptions } from './models.ts';
import { runCasesInWorkers } from './parallel.ts';
import { runScoredCase, type ScoredCase } from './run-scored.ts';

export interface HarnessOptions extends ModelOptions {
  /** Worker threads running cases side by side (default: the machine's cores, at most 4); 1 runs them in this thread. */
  workers?: number;
  onCase?: (done: number, total: number, score: CaseScore) => void;
}

/**
 * Run suites: every case on a fresh copy of a prepared database and a fresh thread, scored
 * against its expectations.
 * @example const report = await runSuites(loadSuites([SHIPPED_SUITES]), { mode: 'offline' });
 */
export async function runSuites(suites: EvalSuite[], options: HarnessOptions): Promise<EvalReport> {
  const startedAt = new Date().toISOString();
  const template = await prepareTemplate();
  const cases = suites.flatMap((suite) => suite.cases);
  const modelOptions: ModelOptions = { mode: options.mode, claude: options.claude, recordings: options.recordings };
  const workers = Math.max(1, Math.floor(options.workers ?? Math.min(4, availableParallelism())));
  let done = 0;
  const report = (_index: number, result: ScoredCase) => options.onCase?.((done += 1), cases.length, result.score);
  let results: ScoredCase[];
  if (workers === 1 || cases.length < 2) {
    results = [];
    for (const [index, entry] of cases.entries()) {
      results.push(await runScoredCase(entry, template, modelOptions));
      report(index, results[index]);
    }
  } else {
    results = await runCasesInWorkers(cases, template, modelOptions, workers, report);
  }
  const blocked = new Set(cases.filter((_, index) => results[index].blocked).map((entry) => entry.id));
  const catchCases = new Set(cases.filter((entry) => entry.kind === 'critic' && entry.expect.verdict !== 'approve').map((entry) => entry.id));
  let offset = 0;
  const bySuite: EvalReport['suites'] = suites.map((suite) => {
    const scores = results.slice(offset, (offset += suite.cases.length)).map((result) => result.score);
    return { name: suite.name, summary: summarize(scores, blocked, catchCases), cases: scores };
  });
  const all = bySuite.flatMap((suite) => suite.cases);
  return { mode: options.mode, startedAt, summary: summarize(all, blocked, catchCases), suites: bySuite };
}
