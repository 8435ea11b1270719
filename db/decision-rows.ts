import type { CriticVerdict, Decision } from '../core/index.ts';
import { canonicalJson } from './canonical-json.ts';
import { isoTimestamp } from './sql.ts';

/** Columns of the two chained tables, in the order of the INSERT parameters. */
export const DECISION_FIELDS = 'id, sequence, thread_id, parent_id, agent, kind, input, tool_calls, output, model, input_tokens, output_tokens, latency_ms, created_at, previous_hash, hash';
export const VERDICT_FIELDS = 'id, sequence, decision_id, thread_id, verdict, reasons, checks, created_at, previous_hash, hash';

type Row = Record<string, unknown>;

/**
 * A value as it will come back from a jsonb column: through canonical JSON and back, so the hash
 * taken at append time is the hash verify() recomputes (undefined becomes null, key order and
 * toJSON are settled once).
 */
export function asStoredJson(value: unknown): unknown {
  return JSON.parse(canonicalJson(value));
}

export function decisionFromRow(row: Row): Decision {
  return {
    id: row.id as string, sequence: Number(row.sequence), threadId: row.thread_id as string, parentId: row.parent_id as string | null,
    agent: row.agent as Decision['agent'], kind: row.kind as Decision['kind'], input: row.input, toolCalls: row.tool_calls as Decision['toolCalls'],
    output: row.output, model: row.model as string, inputTokens: row.input_tokens as number, outputTokens: row.output_tokens as number,
    latencyMs: row.latency_ms as number, createdAt: isoTimestamp(row.created_at as Date), previousHash: row.previous_hash as string, hash: row.hash as string,
  };
}

export function decisionParams(decision: Decision): unknown[] {
  return [
    decision.id, decision.sequence, decision.threadId, decision.parentId, decision.agent, decision.kind, canonicalJson(decision.input),
    canonicalJson(decision.toolCalls), canonicalJson(decision.output), decision.model, decision.inputTokens, decision.outputTokens,
    decision.latencyMs, decision.createdAt, decision.previousHash, decision.hash,
  ];
}

export function verdictFromRow(row: Row): CriticVerdict {
  return {
    id: row.id as string, sequence: Number(row.sequence), decisionId: row.decision_id as string, threadId: row.thread_id as string,
    verdict: row.verdict as CriticVerdict['verdict'], reasons: row.reasons as string[], checks: row.checks as CriticVerdict['checks'],
    createdAt: isoTimestamp(row.created_at as Date), previousHash: row.previous_hash as string, hash: row.hash as string,
  };
}

export function verdictParams(verdict: CriticVerdict): unknown[] {
  return [
    verdict.id, verdict.sequence, verdict.decisionId, verdict.threadId, verdict.verdict, canonicalJson(verdict.reasons),
    canonicalJson(verdict.checks), verdict.createdAt, verdict.previousHash, verdict.hash,
  ];
}

/** `$1, $2, … $n` for an INSERT of `fields`, with ::jsonb on the json columns. */
export function placeholders(fields: string): string {
  const jsonColumns = new Set(['input', 'tool_calls', 'output', 'reasons', 'checks']);
  return fields.split(', ').map((field, index) => `$${index + 1}${jsonColumns.has(field) ? '::jsonb' : ''}`).join(', ');
}
