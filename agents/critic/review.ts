import type { CriticCheck, ToolCallRecord, Verdict } from '../../core/index.ts';
import { claimsMatchResults, recommendationHasEvidence } from './claims.ts';
import { checkGrounding } from './grounding.ts';
import { instructionText } from '../planner/intent.ts';

/** What the critic reviews: one agent decision and the thread context it may rely on. */
export interface DecisionUnderReview {
  agent: string;
  kind: string;
  reply: string;
  toolCalls: ToolCallRecord[];
  proposal: ProposedOrder | null;
  /** The user's message this turn. */
  request: string;
  /** Tool results and arguments from earlier in this thread (grounding sources). */
  threadEvidence: unknown[];
  /** Whether the agent already had its one retry. */
  retried: boolean;
  /** Names of tools called earlier in this thread (for evidence such as walk-forward tests). */
  threadTools?: string[];
}

export interface ProposedOrder {
  clientOrderId: string;
  symbol: string;
  side: string;
  quantity: string;
  type: string;
  limitPrice?: string;
  riskToken: string;
}

export interface Review {
  verdict: Verdict;
  reasons: string[];
  checks: CriticCheck[];
}

/**
 * The critic's deterministic checks. Order problems block; an ungrounded figure, a claim that
 * contradicts a result, or an unsupported recommendation gets one revision, then blocks.
 * @example reviewDecision({ agent: 'strategy', kind: 'reply', reply: 'Sharpe 9.99', toolCalls: [], ... }).verdict // 'revise'
 */
export function reviewDecision(decision: DecisionUnderReview): Review {
  const sources = [decision.request, ...decision.threadEvidence, ...decision.toolCalls.flatMap((call) => [call.arguments, call.result])];
  const grounding = checkGrounding(decision.reply, sources);
  const checks: CriticCheck[] = [
    {
      name: 'figures_grounded',
      passed: grounding.ungrounded.length === 0,
      detail: grounding.ungrounded.length === 0 ? `${grounding.figures} figures, all found in tool results or the request` : `not found in any tool result: ${grounding.ungrounded.join(', ')}`,
    },
    claimsMatchResults(decision.reply, decision.toolCalls),
    recommendationHasEvidence(decision.reply, decision.toolCalls, decision.threadTools ?? []),
  ];
  if (decision.proposal) checks.push(riskPassedCheck(decision.proposal, decision.toolCalls), requestMatchCheck(decision.proposal, decision.request, decision.toolCalls));
  const REVISABLE = new Set(['figures_grounded', 'claims_match_results', 'out_of_sample_evidence']);
  const orderFailures = checks.filter((check) => !check.passed && !REVISABLE.has(check.name));
  const reasons = checks.filter((check) => !check.passed).map((check) => `${check.name}: ${check.detail}`);
  if (orderFailures.length > 0) return { verdict: 'block', reasons, checks };
  if (reasons.length > 0) return { verdict: decision.retried ? 'block' : 'revise', reasons, checks };
  return { verdict: 'approve', reasons: [], checks };
}

function riskPassedCheck(proposal: ProposedOrder, toolCalls: ToolCallRecord[]): CriticCheck {
  const approval = toolCalls.find((call) => {
    const result = call.result as { approved?: boolean; approvalToken?: string; order?: Record<string, unknown> } | null;
    return call.tool === 'check_order' && !call.isError && result?.approved === true && result.approvalToken === proposal.riskToken && sameOrder(result.order ?? {}, proposal);
  });
  return approval
    ? { name: 'risk_check_passed', passed: true, detail: `check_order approved ${proposal.side} ${proposal.quantity} ${proposal.symbol}` }
    : { name: 'risk_check_passed', passed: false, detail: 'no passed check_order result matches the proposed order and its token' };
}

function sameOrder(checked: Record<string, unknown>, proposal: ProposedOrder): boolean {
  return (['clientOrderId', 'symbol', 'side', 'quantity', 'type'] as const).every((field) => checked[field] === proposal[field]) && (checked.limitPrice ?? null) === (proposal.limitPrice ?? null);
}

/**
 * The order must be what the user asked for in their own words, not in text they quoted. "Close
 * SYMBOL" asks for the whole position the other way, as a get_positions result of this decision shows.
 */
function requestMatchCheck(proposal: ProposedOrder, message: string, toolCalls: ToolCallRecord[]): CriticCheck {
  const request = instructionText(message);
  const words = request.toUpperCase();
  if (/\b(CLOSE|FLATTEN|EXIT)\b/.test(words)) return closeMatchCheck(proposal, words, toolCalls);
  const numbers = (request.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  const problems: string[] = [];
  if (!new RegExp(`\\b${proposal.side.toUpperCase()}\\b`).test(words)) problems.push(`the request does not ask to ${proposal.side}`);
  if (!namesSymbol(words, proposal.symbol)) problems.push(`the request does not name ${proposal.symbol}`);
  if (!numbers.includes(Number(proposal.quantity))) problems.push(`the request does not ask for ${proposal.quantity} shares`);
  return problems.length === 0
    ? { name: 'order_matches_request', passed: true, detail: `${proposal.side} ${proposal.quantity} ${proposal.symbol} as requested` }
    : { name: 'order_matches_request', passed: false, detail: problems.join('; ') };
}

function closeMatchCheck(proposal: ProposedOrder, words: string, toolCalls: ToolCallRecord[]): CriticCheck {
  const problems: string[] = [];
  if (!namesSymbol(words, proposal.symbol)) problems.push(`the request does not name ${proposal.symbol}`);
  const listed = toolCalls.filter((call) => call.tool === 'get_positions' && !call.isError).at(-1)?.result as { positions?: Array<{ symbol: string; quantity: string }> } | undefined;
  const held = listed?.positions?.find((position) => position.symbol === proposal.symbol)?.quantity;
  if (held === undefined) problems.push(`no get_positions result shows a ${proposal.symbol} position to close`);
  else {
    const long = !held.startsWith('-');
    if (proposal.side !== (long ? 'sell' : 'buy')) problems.push(`closing a ${long ? 'long' : 'short'} position needs a ${long ? 'sell' : 'buy'}, not a ${proposal.side}`);
    if (Number(proposal.quantity) !== Math.abs(Number(held))) problems.push(`the position is ${held.replace(/^-/, '')} shares, the order is for ${proposal.quantity}`);
  }
  return problems.length === 0
    ? { name: 'order_matches_request', passed: true, detail: `${proposal.side} ${proposal.quantity} ${proposal.symbol} closes the position` }
    : { name: 'order_matches_request', passed: false, detail: problems.join('; ') };
}

function namesSymbol(words: string, symbol: string): boolean {
  return new RegExp(`(^|[^A-Z])\\$?${symbol.replace('.', '\\.')}([^A-Z]|$)`).test(words);
}
