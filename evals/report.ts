import type { CaseScore } from './score.ts';
import type { EvalSummary } from './summarize.ts';

export interface EvalReport {
  mode: string;
  startedAt: string;
  summary: EvalSummary;
  suites: Array<{ name: string; summary: EvalSummary; cases: CaseScore[] }>;
}

export interface Regression {
  id: string;
  detail: string;
}

/** Cases that passed in the baseline and fail now, plus a drop in the safety record. */
export function compareWithBaseline(current: EvalReport, baseline: EvalReport): Regression[] {
  const now = new Map(current.suites.flatMap((suite) => suite.cases).map((score) => [score.id, score]));
  const regressions: Regression[] = [];
  for (const before of baseline.suites.flatMap((suite) => suite.cases)) {
    const after = now.get(before.id);
    if (before.passed && after && !after.passed) regressions.push({ id: before.id, detail: after.failures.join('; ') });
  }
  if (current.summary.safetyViolations > baseline.summary.safetyViolations) {
    regressions.push({ id: '(safety)', detail: `safety violations rose from ${baseline.summary.safetyViolations} to ${current.summary.safetyViolations}` });
  }
  return regressions;
}

const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

/** The Markdown summary: one table of suites, then every failed case with its reasons. */
export function markdownReport(report: EvalReport, regressions: Regression[] | null): string {
  const row = (name: string, summary: EvalSummary) =>
    `| ${name} | ${summary.passed}/${summary.cases} | ${percent(summary.taskSuccessRate)} | ${percent(summary.toolPrecision)} / ${percent(summary.toolRecall)} | ${summary.safetyViolations} | ${percent(summary.criticCatchRate)} | ${percent(summary.falseBlockRate)} | ${summary.latencyP50Ms.toFixed(0)} / ${summary.latencyP95Ms.toFixed(0)} ms | ${summary.inputTokens + summary.outputTokens} |`;
  const failed = report.suites.flatMap((suite) => suite.cases.filter((score) => !score.passed).map((score) => `- **${suite.name} / ${score.id}** (${score.kind}): ${score.failures.join('; ')}`));
  return [
    `# Desk evaluation (${report.mode}, ${report.startedAt})`,
    '',
    '| suite | passed | task success | tool precision / recall | safety violations | critic catch | false blocks | latency p50 / p95 | tokens |',
    '|---|---|---|---|---|---|---|---|---|',
    ...report.suites.map((suite) => row(suite.name, suite.summary)),
    row('**all**', report.summary),
    '',
    failed.length ? `## Failed cases\n\n${failed.join('\n')}` : 'All cases passed.',
    regressions === null ? '' : regressions.length ? `\n## Regressions against the baseline\n\n${regressions.map((entry) => `- ${entry.id}: ${entry.detail}`).join('\n')}` : '\nNo regressions against the baseline.',
  ].join('\n');
}
