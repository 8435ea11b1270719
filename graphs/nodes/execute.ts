import { Command } from '@langchain/langgraph';
import { orderPlacedReply } from '../../agents/index.ts';
import type { DeskGraphDeps } from '../deps.ts';
import { recordDecision } from '../record.ts';
import type { DeskStateValue } from '../state.ts';

/**
 * Execute node: with a risk approval and the critic's signature in hand, the execution role
 * places the order through the broker server. The broker verifies both tokens itself.
 */
export function executeNode(deps: DeskGraphDeps) {
  return async (state: DeskStateValue): Promise<Command> => {
    const { proposal, criticToken } = state.approved!;
    const { riskToken, ...order } = proposal;
    const outcome = await deps.toolboxes.placement.call('place_order', { ...order, riskToken, criticToken, threadId: state.threadId });
    const reply = outcome.isError ? `The broker did not accept the order: ${outcome.text}` : orderPlacedReply(outcome.result as Record<string, unknown>);
    const toolCall = { id: `place_${order.clientOrderId}`, server: outcome.server, tool: 'place_order', arguments: { ...order, threadId: state.threadId }, result: outcome.result, isError: outcome.isError, latencyMs: outcome.latencyMs };
    const logged = await recordDecision(deps, state, { agent: 'execution', kind: 'order-placed', input: { order }, output: { reply }, toolCalls: [toolCall] });
    return new Command({
      goto: 'critic',
      update: {
        approved: null,
        pending: { decisionId: logged.decisionId, agent: 'execution', kind: 'order-placed', reply, toolCalls: [toolCall], proposal: null, retried: true },
        trace: logged.trace,
      },
    });
  };
}
