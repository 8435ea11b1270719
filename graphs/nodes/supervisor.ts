import { Command, END } from '@langchain/langgraph';
import { reviewDecision, runSupervisor } from '../../agents/index.ts';
import type { DeskGraphDeps } from '../deps.ts';
import { recordDecision } from '../record.ts';
import type { DeskStateValue } from '../state.ts';
import { recordVerdict } from './verdicts.ts';

/** Supervisor node: route to a specialist, or finish the turn with the approved replies. */
export function supervisorNode(deps: DeskGraphDeps) {
  return async (state: DeskStateValue): Promise<Command> => {
    const history = state.steps === 0 ? [...state.history, { role: 'user' as const, text: state.request }] : state.history;
    if (state.steps >= (deps.maxStepsPerTurn ?? 12)) {
      return finishTurn(state, history, `Stopped after ${state.steps} steps without finishing; please split the request.`);
    }
    const used = state.threadTokens + state.trace.inputTokens + state.trace.outputTokens;
    if (deps.threadTokenBudget && used >= deps.threadTokenBudget) {
      const done = state.completed.map((entry) => entry.reply).join('\n\n');
      return finishTurn(state, history, `${done ? `${done}\n\n` : ''}This thread has used its model budget (${used} of ${deps.threadTokenBudget} tokens); start a new thread or raise DESK_THREAD_TOKEN_BUDGET.`);
    }
    const { decision, run } = await runSupervisor({ provider: deps.provider, request: state.request, history: state.history, completed: state.completed });
    const kind = decision.action === 'route' ? 'route' : 'final';
    const logged = await recordDecision(deps, state, { agent: 'supervisor', kind, input: { request: state.request, completed: state.completed.length }, output: decision, run });
    const own = decision.action === 'finish' ? (decision.question ?? decision.reply) : null;
    const review = reviewDecision({ agent: 'supervisor', kind, reply: own ?? '', toolCalls: [], proposal: null, request: state.request, threadEvidence: state.evidence, retried: true });
    const trace = await recordVerdict(deps, { ...state, trace: logged.trace }, logged.decisionId, 'supervisor', review);
    if (decision.action === 'route') {
      return new Command({ goto: 'specialist', update: { history, route: { agent: decision.agent, task: decision.task }, feedback: [], steps: state.steps + 1, trace } });
    }
    const replies = state.completed.map((entry) => entry.reply);
    const text = review.verdict === 'approve' ? [own, ...replies].filter(Boolean).join('\n\n') : `Blocked by the critic: ${review.reasons.join('; ')}`;
    return finishTurn({ ...state, trace }, history, text || 'Nothing to report.');
  };
}

function finishTurn(state: DeskStateValue, history: DeskStateValue['history'], reply: string): Command {
  const threadTokens = state.threadTokens + state.trace.inputTokens + state.trace.outputTokens;
  return new Command({ goto: END, update: { history: [...history, { role: 'desk', text: reply }], reply, trace: state.trace, threadTokens } });
}
