import { Annotation } from '@langchain/langgraph';
import type { ToolCallRecord, Verdict } from '../core/index.ts';
import type { ProposedOrder, SpecialistName } from '../agents/index.ts';

/** A decision waiting for the critic. */
export interface PendingDecision {
  decisionId: string;
  agent: string;
  kind: 'reply' | 'order-proposal' | 'order-placed';
  reply: string;
  toolCalls: ToolCallRecord[];
  proposal: ProposedOrder | null;
  retried: boolean;
}

/** An order with both approvals, ready for the broker. */
export interface ApprovedOrder {
  proposal: ProposedOrder;
  criticToken: string;
}

/** What one turn did: returned to the caller as the structured result. */
export interface TurnTrace {
  agentsVisited: string[];
  toolCalls: Array<ToolCallRecord & { agent: string }>;
  decisionIds: string[];
  verdicts: Array<{ verdictId: string; decisionId: string; agent: string; verdict: Verdict; reasons: string[] }>;
  inputTokens: number;
  outputTokens: number;
}

export const emptyTrace = (): TurnTrace => ({ agentsVisited: [], toolCalls: [], decisionIds: [], verdicts: [], inputTokens: 0, outputTokens: 0 });

const last = <T>(initial: () => T) => Annotation<T>({ reducer: (_previous, next) => next, default: initial });

/**
 * Desk state. Every channel is last-value: nodes write whole new values, which lets the
 * turn input reset per-turn fields while `history` and `evidence` carry across turns.
 */
export const DeskState = Annotation.Root({
  threadId: last<string>(() => ''),
  request: last<string>(() => ''),
  history: last<Array<{ role: 'user' | 'desk'; text: string }>>(() => []),
  /** Tool results of earlier turns: what later replies may cite. Capped. */
  evidence: last<unknown[]>(() => []),
  route: last<{ agent: SpecialistName; task: string } | null>(() => null),
  pending: last<PendingDecision | null>(() => null),
  approved: last<ApprovedOrder | null>(() => null),
  /** An approved proposal waiting for a human's answer. */
  awaiting: last<{ proposal: ProposedOrder; verdictId: string; notional: string; decisionId: string } | null>(() => null),
  feedback: last<string[]>(() => []),
  completed: last<Array<{ agent: string; reply: string }>>(() => []),
  steps: last<number>(() => 0),
  /** Model tokens (input + output) of the thread's finished turns: what the budget counts. */
  threadTokens: last<number>(() => 0),
  reply: last<string | null>(() => null),
  trace: last<TurnTrace>(emptyTrace),
});

export type DeskStateValue = typeof DeskState.State;
export type DeskStateUpdate = typeof DeskState.Update;

/** The input that starts a new turn on a thread: resets everything per-turn. */
export function turnInput(threadId: string, request: string): DeskStateUpdate {
  return { threadId, request, route: null, pending: null, approved: null, awaiting: null, feedback: [], completed: [], steps: 0, reply: null, trace: emptyTrace() };
}

export const EVIDENCE_CAP = 40;
