import { Command } from '@langchain/langgraph';
import type { ToolCallRecord } from '../../core/index.ts';
import type { ProposedOrder } from '../../agents/index.ts';
import type { DeskGraphDeps } from '../deps.ts';
import { EVIDENCE_CAP, type DeskStateValue } from '../state.ts';

/** Close a specialist's step: its reply joins the turn's answers, its tool results the evidence. */
export function done(state: DeskStateValue, agent: string, toolCalls: ToolCallRecord[], reply: string, trace: DeskStateValue['trace']): Command {
  const evidence = [...state.evidence, ...toolCalls.map((call) => call.result)].slice(-EVIDENCE_CAP);
  return new Command({ goto: 'supervisor', update: { completed: [...state.completed, { agent, reply }], pending: null, awaiting: null, feedback: [], evidence, trace } });
}

/**
 * The critic signs an approved proposal through its oversight tool (which checks the logged
 * verdict and the risk token itself), then the order goes to execute.
 */
export async function signAndExecute(deps: DeskGraphDeps, state: DeskStateValue, proposal: ProposedOrder, verdictId: string, trace: DeskStateValue['trace']): Promise<Command> {
  const { riskToken, ...order } = proposal;
  const outcome = await deps.toolboxes.critic.call('approve_order', { ...order, threadId: state.threadId, verdictId, riskToken });
  const toolCall = {
    id: `approve_${verdictId}`, server: outcome.server, tool: 'approve_order', arguments: { ...order, threadId: state.threadId, verdictId },
    result: outcome.isError ? { error: outcome.text } : { expiresAt: (outcome.result as { expiresAt?: string }).expiresAt }, isError: outcome.isError, latencyMs: outcome.latencyMs,
  };
  const traced = { ...trace, toolCalls: [...trace.toolCalls, { ...toolCall, agent: 'critic' }] };
  if (outcome.isError) return done(state, 'execution', [], `The order was not placed: the critic's approval failed (${outcome.text}).`, traced);
  const criticToken = (outcome.result as { approvalToken: string }).approvalToken;
  return new Command({ goto: 'execute', update: { approved: { proposal, criticToken }, pending: null, awaiting: null, trace: traced } });
}
