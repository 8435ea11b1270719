import type { EvalReport, Regression } from './report.ts';
import type { CaseScore } from './score.ts';
import type { EvalSummary } from './summarize.ts';

const escape = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
const percent = (value: number | null): string => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

function summaryRow(name: string, summary: EvalSummary): string {
  const cells = [name, `${summary.passed}/${summary.cases}`, percent(summary.taskSuccessRate), `${percent(summary.toolPrecision)} / ${percent(summary.toolRecall)}`, String(summary.safetyViolations), percent(summary.criticCatchRate), percent(summary.falseBlockRate), `${summary.latencyP50Ms.toFixed(0)} / ${summary.latencyP95Ms.toFixed(0)} ms`];
  return `<tr>${cells.map((cell) => `<td>${escape(cell)}</td>`).join('')}</tr>`;
}

function caseDetails(suite: string, score: CaseScore): string {
  const turns = score.transcript.map((turn) => `
      <div class="turn"><p class="said">▶ ${escape(turn.said)}</p><pre class="reply">${escape(turn.reply)}</pre>
      <p class="route">${escape(turn.agents.join(' → '))}</p>
      <ul>${turn.tools.map((tool) => `<li class="${tool.isError ? 'bad' : ''}"><code>${escape(tool.tool)}</code> ${escape(JSON.stringify(tool.arguments))}</li>`).join('')}</ul>
      <ul>${turn.verdicts.map((verdict) => `<li class="${verdict.verdict}">critic on ${escape(verdict.agent)}: <b>${escape(verdict.verdict)}</b> ${escape(verdict.reasons.join('; '))}</li>`).join('')}</ul></div>`).join('');
  const failures = score.failures.length ? `<ul class="failures">${score.failures.map((failure) => `<li>${escape(failure)}</li>`).join('')}</ul>` : '';
  return `<details class="${score.passed ? 'pass' : 'fail'}"${score.passed ? '' : ' open'}><summary>${score.passed ? '✔' : '✘'} ${escape(suite)} / ${escape(score.id)} <small>(${score.kind}, ${score.latencyMs.toFixed(0)} ms)</small></summary>${failures}${turns}</details>`;
}

/**
 * A self-contained HTML page: the summary table, then every case with its conversation, tool
 * calls and critic verdicts (failed cases open).
 */
export function htmlReport(report: EvalReport, regressions: Regression[] | null): string {
  const style = `body{font:14px system-ui,sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}
details{border-left:4px solid #2a2;margin:.4em 0;padding:.2em .6em}details.fail{border-color:#c22}.turn{margin:.5em 0 .5em 1em}
pre{white-space:pre-wrap;background:#f6f6f6;padding:.4em}.bad,.block,.failures{color:#b00}.revise{color:#a60}.route{color:#666}`;
  const head = ['suite', 'passed', 'task success', 'tool precision / recall', 'safety violations', 'critic catch', 'false blocks', 'latency p50 / p95'];
  const regressionList = regressions === null ? '' : `<h2>Regressions against the baseline</h2>${regressions.length ? `<ul>${regressions.map((entry) => `<li>${escape(entry.id)}: ${escape(entry.detail)}</li>`).join('')}</ul>` : '<p>None.</p>'}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Desk evaluation</title><style>${style}</style></head><body>
<h1>Desk evaluation <small>(${escape(report.mode)}, ${escape(report.startedAt)})</small></h1>
<table><tr>${head.map((cell) => `<th>${cell}</th>`).join('')}</tr>${report.suites.map((suite) => summaryRow(suite.name, suite.summary)).join('')}${summaryRow('all', report.summary)}</table>
${regressionList}<h2>Cases</h2>${report.suites.flatMap((suite) => suite.cases.map((score) => caseDetails(suite.name, score))).join('\n')}
</body></html>`;
}
