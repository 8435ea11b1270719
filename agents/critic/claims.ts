import type { CriticCheck, ToolCallRecord } from '../../core/index.ts';

const GAIN_WORDS = /\b(profitable|made money|was a winner|positive return|gained|beat buy[- ]and[- ]hold)\b/i;
const LOSS_WORDS = /\b(unprofitable|lost money|negative return|losing strategy)\b/i;
const RECOMMENDATION = /\b(i recommend|we recommend|recommend (trading|running|deploying)|should (trade|deploy|run) (it|this)|ready (to|for) (trade|live))\b/i;
/** Tools whose results count as out-of-sample evidence (issue 3 adds them to the backtest server). */
const OUT_OF_SAMPLE_TOOLS = new Set(['walk_forward']);

/**
 * Words about results must agree with the results: "profitable" only with a positive total
 * return, "lost money" only with a negative one.
 * @example claimsMatchResults('The strategy was profitable', calls).passed
 */
export function claimsMatchResults(reply: string, toolCalls: ToolCallRecord[]): CriticCheck {
  const returns = toolCalls
    .filter((call) => call.tool === 'run_backtest' && !call.isError)
    .map((call) => (call.result as { metrics?: { totalReturn?: number } }).metrics?.totalReturn)
    .filter((value): value is number => typeof value === 'number');
  const problems: string[] = [];
  if (GAIN_WORDS.test(reply) && returns.some((value) => value <= 0)) problems.push(`claims a gain but the backtest's total return is ${returns.find((value) => value <= 0)}`);
  if (LOSS_WORDS.test(reply) && returns.some((value) => value > 0)) problems.push(`claims a loss but the backtest's total return is ${returns.find((value) => value > 0)}`);
  return problems.length
    ? { name: 'claims_match_results', passed: false, detail: problems.join('; ') }
    : { name: 'claims_match_results', passed: true, detail: returns.length ? 'wording agrees with the sign of every backtest return' : 'no backtest results to compare' };
}

/** Recommending that a strategy be traded needs out-of-sample evidence in this thread. */
export function recommendationHasEvidence(reply: string, toolCalls: ToolCallRecord[], threadEvidenceTools: string[]): CriticCheck {
  if (!RECOMMENDATION.test(reply)) return { name: 'out_of_sample_evidence', passed: true, detail: 'no recommendation to trade a strategy' };
  const tools = [...toolCalls.map((call) => call.tool), ...threadEvidenceTools];
  return tools.some((tool) => OUT_OF_SAMPLE_TOOLS.has(tool))
    ? { name: 'out_of_sample_evidence', passed: true, detail: 'recommendation backed by an out-of-sample test' }
    : { name: 'out_of_sample_evidence', passed: false, detail: 'recommends trading a strategy without out-of-sample evidence (run a walk-forward test first, or do not recommend)' };
}
