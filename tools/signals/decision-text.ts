import type { Decision } from '../../core/index.ts';
import { extractTickers, type TickerEntry } from './entities.ts';

const MAX_TEXT = 4_000;
// Signatures and ids are noise to a search, and tokens must never be copied into memory.
const SKIPPED_KEYS = new Set(['hash', 'previousHash', 'approvalToken', 'riskToken', 'criticToken', 'token', 'signature', 'id', 'decisionId', 'threadId', 'clientOrderId']);

/**
 * The searchable text of a decision: "agent kind:", then the words of its input and output and
 * the tools it called with their arguments, at most 4 000 characters. Tokens and hashes are left out.
 *
 * @example decisionText({ agent: 'research', kind: 'reply', input: 'NVDA?', output: { reply: 'NVDA looks strong' }, toolCalls: [] })
 * // 'research reply: NVDA? NVDA looks strong'
 */
export function decisionText(decision: Pick<Decision, 'agent' | 'kind' | 'input' | 'output' | 'toolCalls'>): string {
  const parts = [`${decision.agent} ${decision.kind}:`];
  collect(decision.input, parts);
  collect(decision.output, parts);
  for (const call of decision.toolCalls) {
    parts.push(`${call.tool}`);
    collect(call.arguments, parts);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
}

/**
 * Tickers a decision is about: those its text mentions, and symbol arguments of its tool calls.
 * @example decisionSymbols(decision) // ['NVDA']
 */
export function decisionSymbols(decision: Pick<Decision, 'agent' | 'kind' | 'input' | 'output' | 'toolCalls'>, dictionary?: readonly TickerEntry[]): string[] {
  const fromArguments = decision.toolCalls.flatMap((call) => {
    const symbol = call.arguments.symbol;
    const symbols = call.arguments.symbols;
    return [...(typeof symbol === 'string' ? [symbol] : []), ...(Array.isArray(symbols) ? symbols.filter((entry): entry is string => typeof entry === 'string') : [])];
  }).map((symbol) => symbol.toUpperCase());
  return [...new Set([...extractTickers(decisionText(decision), dictionary), ...fromArguments])];
}

function collect(value: unknown, parts: string[], depth = 0): void {
  if (depth > 6 || value === null || value === undefined) return;
  if (typeof value === 'string') parts.push(value);
  else if (typeof value === 'number' || typeof value === 'boolean') parts.push(String(value));
  else if (Array.isArray(value)) value.forEach((entry) => collect(entry, parts, depth + 1));
  else if (typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) if (!SKIPPED_KEYS.has(key)) collect(entry, parts, depth + 1);
  }
}
