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

/** Intermediate steps of a turn, as they happen. */
export type TurnEvent =
  | { type: 'agent-started'; agent: string }
  | { type: 'tool-called'; agent: string; tool: string; isError: boolean; latencyMs: number }
  | { type: 'critic-verdict'; agent: string; verdict: string; reasons: string[] };

/** Run the graph from `input`, reporting new steps of the turn's trace after every node. */
async function drive(graph: DeskGraph, threadId: string, input: unknown, onEvent?: (event: TurnEvent) => void): Promise<void> {
  // A resumed turn already has steps in its trace: report only what happens from here on.
  const before = input instanceof Command ? ((await graph.getState({ configurable: { thread_id: threadId } })).values as Partial<DeskStateValue>).trace : undefined;
  let seen = before ? { agents: before.agentsVisited.length, tools: before.toolCalls.length, verdicts: before.verdicts.length } : { agents: 0, tools: 0, verdicts: 0 };
  const stream = await graph.stream(input as never, { ...threadConfig(threadId), streamMode: 'values' });
  for await (const values of stream) {
    const trace = (values as Partial<DeskStateValue>).trace;
    if (!trace || !onEvent) continue;
    for (const agent of trace.agentsVisited.slice(seen.agents)) onEvent({ type: 'agent-started', agent });
    for (const call of trace.toolCalls.slice(seen.tools)) onEvent({ type: 'tool-called', agent: call.agent, tool: call.tool, isError: call.isError, latencyMs: call.latencyMs });
    for (const verdict of trace.verdicts.slice(seen.verdicts)) onEvent({ type: 'critic-verdict', agent: verdict.agent, verdict: verdict.verdict, reasons: verdict.reasons });
    seen = { agents: trace.agentsVisited.length, tools: trace.toolCalls.length, verdicts: trace.verdicts.length };
  }
}

/**
 * Run one user turn on a thread and return the reply with everything that happened.
 * @example const result = await runTurn(graph, 'thread-1', 'buy 10 AAPL');
 */
export async function runTurn(graph: DeskGraph, threadId: string, request: string, onEvent?: (event: TurnEvent) => void): Promise<TurnResult> {
  if (await pendingApproval(graph, threadId)) {
    throw new DeskError('conflict', `thread ${threadId} is waiting for a human approval; answer it first (desk approve ${threadId} or --reject)`, { threadId });
  }
  await drive(graph, threadId, turnInput(threadId, request), onEvent);
  return turnResult(graph, threadId);
}

/**
 * Answer a pending human approval and let the thread finish its turn.
 * @example await resumeTurn(graph, 'thread-1', { decision: 'approve', by: 'alice' });
 */
export async function resumeTurn(graph: DeskGraph, threadId: string, answer: ApprovalAnswer, onEvent?: (event: TurnEvent) => void): Promise<TurnResult> {
  if (!(await pendingApproval(graph, threadId))) throw new DeskError('not_found', `thread ${threadId} has no order waiting for approval`, { threadId });
  await drive(graph, threadId, new Command({ resume: answer }), onEvent);
  return turnResult(graph, threadId);
}

async function pendingApproval(graph: DeskGraph, threadId: string): Promise<ApprovalRequest | null> {
  return interruptOf(await graph.getState({ configurable: { thread_id: threadId } }));
}

function interruptOf(snapshot: { tasks: Array<{ interrupts?: Array<{ value?: unknown }> }> }): ApprovalRequest | null {
  const interrupt = snapshot.tasks.flatMap((task) => task.interrupts ?? [])[0];
  return (interrupt?.value as ApprovalRequest | undefined) ?? null;
}

async function turnResult(graph: DeskGraph, threadId: string): Promise<TurnResult> {
  const snapshot = await graph.getState({ configurable: { thread_id: threadId } });
  const state = snapshot.values as DeskStateValue;
  const waiting = interruptOf(snapshot);
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
