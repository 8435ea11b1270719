import { Command } from '@langchain/langgraph';
import { Decimal, type ToolCallRecord } from '../../core/index.ts';
import { reviewDecision } from '../../agents/index.ts';
import type { DeskGraphDeps } from '../deps.ts';
import type { DeskStateValue, PendingDecision } from '../state.ts';
import { done, signAndExecute } from './outcomes.ts';
import { recordVerdict } from './verdicts.ts';

/**
 * Critic node: review the pending decision, store the verdict beside it, and act on it —
 * approve (an approved order proposal is signed and executed, or first waits for a human where
 * configured), revise (one retry with the reasons), or block.
 */
export function criticNode(deps: DeskGraphDeps) {
  return async (state: DeskStateValue): Promise<Command> => {
    const pending = state.pending!;
    const review = reviewDecision({ ...pending, request: state.request, threadEvidence: state.evidence, threadTools: state.trace.toolCalls.map((call) => call.tool) });
    const trace = await recordVerdict(deps, state, pending.decisionId, pending.agent, review);
    const verdictId = trace.verdicts.at(-1)!.verdictId;
    if (review.verdict === 'revise') return new Command({ goto: 'specialist', update: { feedback: review.reasons, pending: null, trace } });
    if (review.verdict === 'block') return done(state, pending.agent, pending.toolCalls, `Blocked by the critic: ${review.reasons.join('; ')}`, trace);
    if (!pending.proposal) return done(state, pending.agent, pending.toolCalls, pending.reply, trace);
    const notional = checkedNotional(pending);
    if (needsHuman(deps, pending.proposal, notional)) {
      return new Command({ goto: 'human_approval', update: { awaiting: { proposal: pending.proposal, verdictId, notional, decisionId: pending.decisionId }, pending: null, trace } });
    }
    return signAndExecute(deps, state, pending.proposal, verdictId, trace);
  };
}

function checkedNotional(pending: PendingDecision): string {
  const check = pending.toolCalls.find((call: ToolCallRecord) => call.tool === 'check_order' && (call.result as { approved?: boolean })?.approved);
  return (check?.result as { notional?: string } | undefined)?.notional ?? '0';
}

function needsHuman(deps: DeskGraphDeps, order: { clientOrderId: string }, notional: string): boolean {
  const rule = deps.humanApproval;
  if (!rule) return false;
  if (typeof rule === 'function') return rule(order, notional);
  return rule === 'all' || Decimal.from(notional).gt(Decimal.from(rule.above));
}
