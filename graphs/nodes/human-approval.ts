import { interrupt } from '@langchain/langgraph';
import type { Command } from '@langchain/langgraph';
import type { DeskGraphDeps } from '../deps.ts';
import { recordDecision } from '../record.ts';
import type { DeskStateValue } from '../state.ts';
import { done, signAndExecute } from './outcomes.ts';

/** What the graph waits for, and what a human answers. */
export interface ApprovalRequest {
  threadId: string;
  order: { clientOrderId: string; symbol: string; side: string; quantity: string; type: string; limitPrice?: string };
  notional: string;
  reason: string;
}
export interface ApprovalAnswer {
  decision: 'approve' | 'reject';
  by: string;
  note?: string;
}

/**
 * Human approval: pause the thread (LangGraph interrupt, checkpointed in Postgres) until a human
 * answers, possibly hours later and from another process. On approval the order is checked
 * against the risk limits again (prices, positions and limits may have moved, and the first
 * approval has expired) before the critic signs it.
 */
export function humanApprovalNode(deps: DeskGraphDeps) {
  return async (state: DeskStateValue): Promise<Command> => {
    const awaiting = state.awaiting!;
    const { riskToken: _token, ...order } = awaiting.proposal;
    const answer = interrupt<ApprovalRequest, ApprovalAnswer>({ threadId: state.threadId, order, notional: awaiting.notional, reason: 'order needs human approval' });
    if (answer.decision !== 'approve') {
      const logged = await recordDecision(deps, state, { agent: 'human', kind: 'human-approval', input: { order, notional: awaiting.notional }, output: answer });
      return done(state, 'human', [], `Order ${order.side} ${order.quantity} ${order.symbol} was rejected by ${answer.by}${answer.note ? `: ${answer.note}` : ''}; nothing was sent to the broker.`, logged.trace);
    }
    const recheck = await deps.toolboxes.execution.call('check_order', order);
    const result = recheck.result as { approved?: boolean; approvalToken?: string; violations?: Array<{ message: string }> };
    const call = { id: `recheck_${order.clientOrderId}`, server: recheck.server, tool: 'check_order', arguments: order, result: recheck.result, isError: recheck.isError, latencyMs: recheck.latencyMs };
    // The re-check belongs to the human's decision: it is what their approval set off.
    const logged = await recordDecision(deps, state, { agent: 'human', kind: 'human-approval', input: { order, notional: awaiting.notional }, output: answer, toolCalls: [call] });
    const trace = logged.trace;
    if (recheck.isError || !result.approved || !result.approvalToken) {
      const why = recheck.isError ? recheck.text : (result.violations ?? []).map((violation) => violation.message).join('; ');
      return done(state, 'execution', [call], `Approved by ${answer.by}, but the risk re-check refused the order: ${why}. Nothing was sent to the broker.`, trace);
    }
    return signAndExecute(deps, state, { ...awaiting.proposal, riskToken: result.approvalToken }, awaiting.verdictId, trace);
  };
}
