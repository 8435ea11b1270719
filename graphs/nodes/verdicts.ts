import type { Review } from '../../agents/index.ts';
import type { DeskGraphDeps } from '../deps.ts';
import type { DeskStateValue, TurnTrace } from '../state.ts';

/** Store the critic's verdict beside its decision and add it to the turn's trace. */
export async function recordVerdict(deps: DeskGraphDeps, state: DeskStateValue, decisionId: string, agent: string, review: Review): Promise<TurnTrace> {
  const verdict = await deps.decisions.appendVerdict({ decisionId, threadId: state.threadId, verdict: review.verdict, reasons: review.reasons, checks: review.checks });
  const trace = state.trace;
  return {
    ...trace,
    agentsVisited: trace.agentsVisited.at(-1) === 'critic' ? trace.agentsVisited : [...trace.agentsVisited, 'critic'],
    verdicts: [...trace.verdicts, { verdictId: verdict.id, decisionId, agent, verdict: review.verdict, reasons: review.reasons }],
  };
}
