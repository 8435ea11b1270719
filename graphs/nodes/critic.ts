import { Command } from '@langchain/langgraph';
import { reviewDecision, type ProposedOrder } from '../../agents/index.ts';
import type { DeskGraphDeps } from '../deps.ts';
import { EVIDENCE_CAP, type DeskStateValue, type PendingDecision } from '../state.ts';
import { recordVerdict } from './verdicts.ts';

/**
 * Critic node: review the pending decision, store the verdict beside it, and act on it —
 * approve (an approved order proposal gets the critic's signature and goes to execute),
 * revise (one retry with the reasons), or block.
 */
export function criticNode(deps: DeskGraphDeps) {
  return async (state: DeskStateValue): Promise<Command> => {
    const pending = state.pending!;
    const review = reviewDecision({ ...pending, request: state.request, threadEvidence: state.evidence });
    const trace = await recordVerdict(deps, state, pending.decisionId, pending.agent, review);
    const verdictId = trace.verdicts.at(-1)!.verdictId;
    if (review.verdict === 'revise') return new Command({ goto: 'specialist', update: { feedback: review.reasons, pending: null, trace } });
    if (review.verdict === 'block') return done(state, pending, `Blocked by the critic: ${review.reasons.join('; ')}`, trace);
    if (pending.proposal) return signAndExecute(deps, state, pending.proposal, verdictId, trace);
    return done(state, pending, pending.reply, trace);
  };
}

async function signAndExecute(deps: DeskGraphDeps, state: DeskStateValue, proposal: ProposedOrder, verdictId: string, trace: DeskStateValue['trace']): Promise<Command> {
  const { riskToken, ...order } = proposal;
  const outcome = await deps.toolboxes.critic.call('approve_order', { ...order, threadId: state.threadId, verdictId, riskToken });
  const toolCall = { id: `approve_${verdictId}`, server: outcome.server, tool: 'approve_order', arguments: { ...order, threadId: state.threadId, verdictId }, result: outcome.isError ? { error: outcome.text } : { expiresAt: (outcome.result as { expiresAt?: string }).expiresAt }, isError: outcome.isError, latencyMs: outcome.latencyMs };
  const traced = { ...trace, toolCalls: [...trace.toolCalls, { ...toolCall, agent: 'critic' }] };
  if (outcome.isError) return done(state, state.pending!, `The order was not placed: the critic's approval failed (${outcome.text}).`, traced);
  const criticToken = (outcome.result as { approvalToken: string }).approvalToken;
  return new Command({ goto: 'execute', update: { approved: { proposal, criticToken }, pending: null, trace: traced } });
}

function done(state: DeskStateValue, pending: PendingDecision, reply: string, trace: DeskStateValue['trace']): Command {
  const evidence = [...state.evidence, ...pending.toolCalls.map((call) => call.result)].slice(-EVIDENCE_CAP);
  return new Command({ goto: 'supervisor', update: { completed: [...state.completed, { agent: pending.agent, reply }], pending: null, feedback: [], evidence, trace } });
}
