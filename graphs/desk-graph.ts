import { END, START, StateGraph } from '@langchain/langgraph';
import type { DeskGraphDeps } from './deps.ts';
import { criticNode } from './nodes/critic.ts';
import { executeNode } from './nodes/execute.ts';
import { specialistNode } from './nodes/specialist.ts';
import { supervisorNode } from './nodes/supervisor.ts';
import { DeskState, turnInput, type TurnTrace } from './state.ts';

/**
 * The desk: supervisor → specialist → critic → (execute → critic) → supervisor … → END,
 * checkpointed in Postgres so any process can continue a thread.
 */
export function buildDeskGraph(deps: DeskGraphDeps) {
  return new StateGraph(DeskState)
    .addNode('supervisor', supervisorNode(deps), { ends: ['specialist', END] })
    .addNode('specialist', specialistNode(deps), { ends: ['critic'] })
    .addNode('critic', criticNode(deps), { ends: ['specialist', 'execute', 'supervisor'] })
    .addNode('execute', executeNode(deps), { ends: ['critic'] })
    .addEdge(START, 'supervisor')
    .compile({ checkpointer: deps.checkpointer });
}

export type DeskGraph = ReturnType<typeof buildDeskGraph>;

export interface TurnResult extends TurnTrace {
  threadId: string;
  reply: string;
}

/**
 * Run one user turn on a thread and return the reply with everything that happened.
 * @example const result = await runTurn(graph, 'thread-1', 'buy 10 AAPL');
 */
export async function runTurn(graph: DeskGraph, threadId: string, request: string): Promise<TurnResult> {
  const state = await graph.invoke(turnInput(threadId, request), { configurable: { thread_id: threadId }, recursionLimit: 60 });
  return { threadId, reply: state.reply ?? '', ...state.trace };
}

/** The conversation stored in the checkpointer for a thread (empty for an unknown thread). */
export async function readThread(graph: DeskGraph, threadId: string): Promise<Array<{ role: 'user' | 'desk'; text: string }>> {
  const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
  return (snapshot.values as { history?: Array<{ role: 'user' | 'desk'; text: string }> }).history ?? [];
}
