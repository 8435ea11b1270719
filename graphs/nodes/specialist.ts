import { Command } from '@langchain/langgraph';
import { AGENT_SPECS, runAgentLoop, type ProposedOrder } from '../../agents/index.ts';
import type { DeskGraphDeps } from '../deps.ts';
import { recordDecision } from '../record.ts';
import type { DeskStateValue } from '../state.ts';

/** Specialist node: run the routed agent's loop over its own allowlisted tools, log its decision. */
export function specialistNode(deps: DeskGraphDeps) {
  return async (state: DeskStateValue): Promise<Command> => {
    const route = state.route!;
    const spec = AGENT_SPECS[route.agent];
    const feedback = state.feedback.length ? `\n<critic-feedback>${state.feedback.join('\n')}</critic-feedback>` : '';
    const prompt = `<task>${route.task}</task>${feedback}`;
    const run = await runAgentLoop({ agent: route.agent, system: spec.systemPrompt, provider: deps.provider, toolbox: deps.toolboxes[route.agent], controlTools: spec.controlTools, prompt });
    const proposal = run.control?.name === 'propose_order' ? toProposal(run.control.input) : null;
    const kind = proposal ? 'order-proposal' : 'reply';
    const reply = run.reply || (run.stoppedBy === 'max_steps' ? `The ${route.agent} agent ran out of steps.` : '');
    const logged = await recordDecision(deps, state, { agent: route.agent, kind, input: { task: route.task, feedback: state.feedback }, output: { reply, proposal }, run });
    return new Command({
      goto: 'critic',
      update: {
        pending: { decisionId: logged.decisionId, agent: route.agent, kind, reply, toolCalls: run.toolCalls, proposal, retried: state.feedback.length > 0 },
        steps: state.steps + 1,
        trace: logged.trace,
      },
    });
  };
}

function toProposal(input: Record<string, unknown>): ProposedOrder {
  const text = (key: string): string => (input[key] === undefined || input[key] === null ? '' : String(input[key]));
  const proposal: ProposedOrder = {
    clientOrderId: text('clientOrderId'),
    symbol: text('symbol').toUpperCase(),
    side: text('side'),
    quantity: text('quantity'),
    type: text('type') || 'market',
    riskToken: text('riskToken'),
  };
  if (text('limitPrice')) proposal.limitPrice = text('limitPrice');
  return proposal;
}
