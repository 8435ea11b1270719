import { Command, END, START, StateGraph } from '@langchain/langgraph';
import { DeskError } from '../core/index.ts';
import type { DeskGraphDeps } from './deps.ts';
import { criticNode } from './nodes/critic.ts';
import { executeNode } from './nodes/execute.ts';
import { humanApprovalNode, type ApprovalAnswer, type ApprovalRequest } from './nodes/human-approval.ts';
import { specialistNode } from './nodes/specialist.ts';
import { supervisorNode } from './nodes/supervisor.ts';
import { DeskState, turnInput, type DeskStateValue, type TurnTrace } from './state.ts';

/**
 * The desk: supervisor → specialist → critic → ([human approval] → execute → critic) →
 * supervisor … → END, checkpointed in Postgres so any process can continue a thread.
 */
export function buildDeskGraph(deps: DeskGraphDeps) {
  return new StateGraph(DeskState)
    .addNode('supervisor', supervisorNode(deps), { ends: ['specialist', END] })
    .addNode('specialist', specialistNode(deps), { ends: ['critic'] })
    .addNode('critic', criticNode(deps), { ends: ['specialist', 'execute', 'supervisor', 'human_approval'] })
    .addNode('human_approval', humanApprovalNode(deps), { ends: ['execute', 'supervisor'] })
    .addNode('execute', executeNode(deps), { ends: ['critic'] })
    .addEdge(START, 'supervisor')
    .compile({ checkpointer: deps.checkpointer });
}

export type DeskGraph = ReturnType<typeof buildDeskGraph>;

export interface TurnResult extends TurnTrace {
  threadId: string;
  reply: string;
  /** Set while the thread waits for a human: answer with resumeTurn(). */
  pendingApproval: ApprovalRequest | null;
}

const threadConfig = (threadId: string) => ({ configurable: { thread_id: threadId }, recursionLimit: 60 });

/**
 * Run one user turn on a thread and return the reply with everything that happened.
 * @example const result = await runTurn(graph, 'thread-1', 'buy 10 AAPL');
 */
export async function runTurn(graph: DeskGraph, threadId: string, request: string): Promise<TurnResult> {
  if (await pendingApproval(graph, threadId)) {
    throw new DeskError('conflict', `thread ${threadId} is waiting for a human approval; answer it first (desk approve ${threadId} or --reject)`, { threadId });
  }
  await graph.invoke(turnInput(threadId, request), threadConfig(threadId));
  return turnResult(graph, threadId);
}

/**
 * Answer a pending human approval and let the thread finish its turn.
 * @example await resumeTurn(graph, 'thread-1', { decision: 'approve', by: 'alice' });
 */
export async function resumeTurn(graph: DeskGraph, threadId: string, answer: ApprovalAnswer): Promise<TurnResult> {
  if (!(await pendingApproval(graph, threadId))) throw new DeskError('not_found', `thread ${threadId} has no order waiting for approval`, { threadId });
  await graph.invoke(new Command({ resume: answer }), threadConfig(threadId));
  return turnResult(graph, threadId);
}

async function pendingApproval(graph: DeskGraph, threadId: string): Promise<ApprovalRequest | null> {
  const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
  const interrupt = snapshot.tasks.flatMap((task) => task.interrupts ?? [])[0];
  return (interrupt?.value as ApprovalRequest | undefined) ?? null;
}

async function turnResult(graph: DeskGraph, threadId: string): Promise<TurnResult> {
  const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
  const state = snapshot.values as DeskStateValue;
  const waiting = await pendingApproval(graph, threadId);
  const reply = waiting
    ? `${waiting.order.side} ${waiting.order.quantity} ${waiting.order.symbol} (notional ${waiting.notional}) passed the risk check and the critic and now waits for human approval: npx desk approve ${threadId} (or --reject).`
    : (state.reply ?? '');
  return { threadId, reply, pendingApproval: waiting, ...state.trace };
}

/** The conversation stored in the checkpointer for a thread (empty for an unknown thread). */
export async function readThread(graph: DeskGraph, threadId: string): Promise<Array<{ role: 'user' | 'desk'; text: string }>> {
  const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
  return (snapshot.values as { history?: Array<{ role: 'user' | 'desk'; text: string }> }).history ?? [];
}
