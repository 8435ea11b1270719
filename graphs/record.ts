import type { DecisionInput, ToolCallRecord } from '../core/index.ts';
import type { AgentRun } from '../agents/index.ts';
import type { DeskGraphDeps } from './deps.ts';
import type { DeskStateValue, TurnTrace } from './state.ts';

/** Append a decision to the log and to the turn's trace. */
export async function recordDecision(
  deps: DeskGraphDeps,
  state: DeskStateValue,
  entry: { agent: DecisionInput['agent']; kind: DecisionInput['kind']; input: unknown; output: unknown; run?: AgentRun; toolCalls?: ToolCallRecord[] },
): Promise<{ decisionId: string; trace: TurnTrace }> {
  const toolCalls = entry.toolCalls ?? entry.run?.toolCalls ?? [];
  const decision = await deps.decisions.append({
    threadId: state.threadId,
    parentId: state.trace.decisionIds.at(-1) ?? null,
    agent: entry.agent,
    kind: entry.kind,
    input: entry.input,
    toolCalls,
    output: entry.output,
    model: entry.run?.model ?? 'none',
    inputTokens: entry.run?.inputTokens ?? 0,
    outputTokens: entry.run?.outputTokens ?? 0,
    latencyMs: entry.run?.latencyMs ?? 0,
  });
  const trace = state.trace;
  return {
    decisionId: decision.id,
    trace: {
      ...trace,
      agentsVisited: trace.agentsVisited.at(-1) === entry.agent ? trace.agentsVisited : [...trace.agentsVisited, entry.agent],
      toolCalls: [...trace.toolCalls, ...toolCalls.map((call) => ({ ...call, agent: entry.agent }))],
      decisionIds: [...trace.decisionIds, decision.id],
      inputTokens: trace.inputTokens + (entry.run?.inputTokens ?? 0),
      outputTokens: trace.outputTokens + (entry.run?.outputTokens ?? 0),
    },
  };
}
