import type { EvalSuite } from './suite-schema.ts';
import { prepareTemplate, runCase } from './run-case.ts';
import { scoreCase, type CaseScore } from './score.ts';
import { summarize } from './summarize.ts';
import type { EvalReport } from './report.ts';
import { modelFor } from './models.ts';

export interface HarnessOptions {
  mode: 'offline' | 'claude' | 'replay';
  /** claude: the Anthropic connection. */
  claude?: { apiKey: string; baseURL?: string; model?: string };
  /** claude: where to write each case's recorded responses; replay: where to read them. */
  recordings?: string;
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
  const total = suites.reduce((sum, suite) => sum + suite.cases.length, 0);
  let done = 0;
  const blocked = new Set<string>();
  const catchCases = new Set<string>();
  const results: EvalReport['suites'] = [];
  for (const suite of suites) {
    const cases: CaseScore[] = [];
    for (const entry of suite.cases) {
      const session = entry.kind === 'critic' ? null : modelFor(entry.id, options);
      const outcome = await runCase(entry, template, session?.provider);
      session?.finish();
      const score = scoreCase(entry, outcome);
      if (outcome.turns.some((turn) => turn.verdicts.some((verdict) => verdict.verdict === 'block'))) blocked.add(entry.id);
      if (entry.kind === 'critic' && entry.expect.verdict !== 'approve') catchCases.add(entry.id);
      cases.push(score);
      options.onCase?.((done += 1), total, score);
    }
    results.push({ name: suite.name, summary: summarize(cases, blocked, catchCases), cases });
  }
  const all = results.flatMap((suite) => suite.cases);
  return { mode: options.mode, startedAt, summary: summarize(all, blocked, catchCases), suites: results };
}
