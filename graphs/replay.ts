import { MemorySaver } from '@langchain/langgraph';
import { isDeepStrictEqual } from 'node:util';
import type { Decision, ToolCallRecord } from '../core/index.ts';
import { AGENT_SPECS, SPECIALISTS, type ModelProvider, type Toolbox } from '../agents/index.ts';
import { buildDeskGraph, resumeTurn, runTurn } from './desk-graph.ts';
import type { ApprovalAnswer } from './nodes/human-approval.ts';
import { createMemoryDecisionLog } from './replay-log.ts';

/** What a decision did, without ids, hashes and timings: the part a replay must reproduce. */
export interface DecisionSummary {
  agent: string;
  kind: string;
  output: unknown;
  tools: Array<{ tool: string; arguments: Record<string, unknown> }>;
}

export interface ReplayReport {
  identical: boolean;
  original: DecisionSummary[];
  replayed: DecisionSummary[];
  differences: string[];
}

/**
 * Re-run a thread's user turns through a fresh graph whose tools answer with the results recorded
 * in the decision log (and whose humans answer as recorded), then compare the decisions.
 * With the deterministic offline planner the decisions must come out identical.
 * @example const report = await replayThread(createOfflinePlanner(), (await log.listByThread(id)).decisions);
 */
export async function replayThread(provider: ModelProvider, decisions: Decision[]): Promise<ReplayReport> {
  const log = createMemoryDecisionLog();
  const toolbox = recordedToolbox(decisions.flatMap((decision) => decision.toolCalls));
  const toolboxes = { ...Object.fromEntries(SPECIALISTS.map((name) => [name, toolbox])), critic: toolbox, placement: toolbox } as Record<(typeof SPECIALISTS)[number] | 'critic' | 'placement', Toolbox>;
  const paused = pausedProposals(decisions);
  const graph = buildDeskGraph({ provider, toolboxes, decisions: log, checkpointer: new MemorySaver(), humanApproval: (order) => paused.has(order.clientOrderId) });
  const answers = decisions.filter((decision) => decision.kind === 'human-approval').map((decision) => decision.output as ApprovalAnswer);
  // Same id as the original: the replay has its own in-memory log and checkpointer.
  const threadId = decisions[0]?.threadId ?? 'replay';
  for (const request of userRequests(decisions)) {
    let result = await runTurn(graph, threadId, request);
    while (result.pendingApproval) {
      const answer = answers.shift();
      if (!answer) break;
      result = await resumeTurn(graph, threadId, answer);
    }
  }
  const original = decisions.map(summarize);
  const replayed = log.all().decisions.map(summarize);
  const differences = compare(original, replayed);
  return { identical: differences.length === 0, original, replayed, differences };
}

/** Client order ids of the orders the original run paused for a human. */
function pausedProposals(decisions: Decision[]): Set<string> {
  return new Set(decisions.filter((decision) => decision.kind === 'human-approval').map((decision) => (decision.input as { order: { clientOrderId: string } }).order.clientOrderId));
}

/** Each turn begins with a supervisor decision that has seen no completed step yet. */
function userRequests(decisions: Decision[]): string[] {
  return decisions
    .filter((decision) => decision.agent === 'supervisor' && (decision.input as { completed?: number }).completed === 0)
    .map((decision) => String((decision.input as { request: string }).request));
}

function summarize(decision: Decision): DecisionSummary {
  return { agent: decision.agent, kind: decision.kind, output: decision.output, tools: decision.toolCalls.map((call) => ({ tool: call.tool, arguments: call.arguments })) };
}

function compare(original: DecisionSummary[], replayed: DecisionSummary[]): string[] {
  const differences: string[] = [];
  if (original.length !== replayed.length) differences.push(`${original.length} decisions recorded, ${replayed.length} replayed`);
  original.forEach((entry, index) => {
    const other = replayed[index];
    if (other && !isDeepStrictEqual(JSON.parse(JSON.stringify(entry)), JSON.parse(JSON.stringify(other)))) {
      differences.push(`decision ${index + 1} (${entry.agent}/${entry.kind}) differs: recorded ${JSON.stringify(entry)} vs replayed ${JSON.stringify(other)}`);
    }
  });
  return differences;
}

/**
 * Tools that answer from the record, in order, per tool name. The critic's signature is not in
 * the log (only its verdict is), so approve_order answers with a marker token.
 */
function recordedToolbox(calls: ToolCallRecord[]): Toolbox {
  const queues = new Map<string, ToolCallRecord[]>();
  for (const call of calls) queues.set(call.tool, [...(queues.get(call.tool) ?? []), call]);
  const names = [...new Set(Object.values(AGENT_SPECS).flatMap((spec) => spec.allowedTools).concat('place_order'))];
  return {
    definitions: () => names.map((name) => ({ name, description: `${name} (replayed)`, input_schema: { type: 'object' } })),
    has: (name) => names.includes(name),
    call: async (name) => {
      if (name === 'approve_order') return { server: 'replay', tool: name, result: { approvalToken: 'replayed', expiresAt: null }, text: '{"approvalToken":"replayed"}', isError: false, latencyMs: 0 };
      const recorded = queues.get(name)?.shift();
      if (!recorded) return { server: 'replay', tool: name, result: { error: `no recorded result for ${name}` }, text: `no recorded result for ${name}`, isError: true, latencyMs: 0 };
      const text = recorded.isError ? String((recorded.result as { error?: string })?.error ?? JSON.stringify(recorded.result)) : JSON.stringify(recorded.result);
      return { server: recorded.server, tool: name, result: recorded.result, text, isError: recorded.isError, latencyMs: 0 };
    },
  };
}
