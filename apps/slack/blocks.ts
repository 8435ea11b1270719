import type { types } from '@slack/bolt';
import type { ApprovalRequest, TurnEvent, TurnResult } from '../../graphs/index.ts';
import { escapeSlack, truncate } from './text.ts';

type Block = types.KnownBlock;

/** One Slack message: blocks plus the plain fallback Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const APPROVE_ACTION = 'desk_approve';
export const REJECT_ACTION = 'desk_reject';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 8 });
const percent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;
/** Decimal strings stay exact: only digit grouping is added. */
const grouped = (decimal: string) => decimal.replace(/^(-?\d+)/, (whole) => plain.format(BigInt(whole)));

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, 3000) } });
const fields = (title: string | null, entries: Array<[string, string]>): Block => ({
  type: 'section',
  ...(title ? { text: { type: 'mrkdwn' as const, text: title } } : {}),
  fields: entries.slice(0, 10).map(([label, value]) => ({ type: 'mrkdwn', text: `*${label}*\n${value}` })),
});
const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, 3000) }] });

/**
 * A finished turn as Block Kit: the reply, the figures of backtests and fills it used, and the
 * critic's verdicts. Every piece of desk text is escaped.
 * @example await client.chat.update({ channel, ts, ...replyMessage(result) });
 */
export function replyMessage(result: TurnResult): SlackMessage {
  const reply = escapeSlack(truncate(result.reply || '(no reply)', 2900));
  return { text: reply, blocks: [section(reply), ...figureBlocks(result), verdictBlock(result)] };
}

function figureBlocks(result: TurnResult): Block[] {
  return result.toolCalls.flatMap((call): Block[] => {
    if (call.isError) return [];
    const result = call.result as Partial<BacktestFigures> & { order?: OrderFigures } | null;
    if (call.tool === 'run_backtest' && result?.metrics) return [backtestBlock(result as BacktestFigures)];
    if (call.tool === 'place_order' && result?.order) return [orderBlock(result.order)];
    return [];
  });
}

interface BacktestFigures {
  symbol: string;
  strategy: string;
  fast: number;
  slow: number;
  from: string;
  to: string;
  metrics: { totalReturn: number; annualizedReturn: number; sharpe: number; maxDrawdown: number; trades: number; winRate: number; finalEquity: number };
}

function backtestBlock(backtest: BacktestFigures): Block {
  const title = `*Backtest ${escapeSlack(backtest.symbol)} ${escapeSlack(backtest.strategy)} ${backtest.fast}/${backtest.slow}*, ${escapeSlack(backtest.from)} to ${escapeSlack(backtest.to)}`;
  const { metrics } = backtest;
  return fields(title, [
    ['Total return', percent(metrics.totalReturn)],
    ['Annualized return', percent(metrics.annualizedReturn)],
    ['Sharpe', metrics.sharpe.toFixed(2)],
    ['Max drawdown', percent(metrics.maxDrawdown)],
    ['Trades', String(metrics.trades)],
    ['Win rate', percent(metrics.winRate)],
    ['Final equity', money.format(metrics.finalEquity)],
  ]);
}

interface OrderFigures {
  symbol: string;
  side: string;
  quantity: string;
  status: string;
  averagePrice: string | null;
  filledQuantity: string;
  id: string;
}

function orderBlock(order: OrderFigures): Block {
  return fields(`*Order ${escapeSlack(order.id)}*`, [
    ['Order', `${escapeSlack(order.side)} ${grouped(order.quantity)} ${escapeSlack(order.symbol)}`],
    ['Status', escapeSlack(order.status)],
    ['Filled', grouped(order.filledQuantity)],
    ['Average price', order.averagePrice === null ? '—' : `$${grouped(order.averagePrice)}`],
  ]);
}

const VERDICT_MARK: Record<string, string> = { approve: ':white_check_mark:', revise: ':warning:', block: ':no_entry:' };

/** The critic's verdicts: approvals counted, revisions and blocks listed with their reasons. */
function verdictBlock(result: TurnResult): Block {
  if (result.verdicts.length === 0) return context('Critic: no decision to review');
  const approvals = result.verdicts.filter((verdict) => verdict.verdict === 'approve').length;
  const others = result.verdicts.filter((verdict) => verdict.verdict !== 'approve');
  const lines = approvals ? [`Critic: ${VERDICT_MARK.approve} approve ×${approvals}`] : ['Critic:'];
  for (const verdict of others) lines.push(`${VERDICT_MARK[verdict.verdict] ?? ''} ${verdict.verdict} (${escapeSlack(verdict.agent)}): ${escapeSlack(verdict.reasons.join('; ') || 'no reason given')}`);
  return context(`${lines.join('\n')}\nagents: ${escapeSlack(result.agentsVisited.join(' → '))}`);
}

/**
 * An order waiting for a human: the order, its notional, and Approve / Reject buttons. The
 * buttons carry the client order id, so a click can be matched to the order it was shown for.
 */
export function approvalMessage(request: ApprovalRequest, result: TurnResult): SlackMessage {
  const { order } = request;
  const summary = `${order.side} ${grouped(order.quantity)} ${order.symbol}${order.limitPrice ? ` limit $${grouped(order.limitPrice)}` : ' at market'}`;
  const text = escapeSlack(`Approval needed: ${summary}, notional ${money.format(Number(request.notional))}`);
  const button = (label: string, actionId: string, style: 'primary' | 'danger') => ({ type: 'button' as const, text: { type: 'plain_text' as const, text: label }, action_id: actionId, value: order.clientOrderId, style });
  return {
    text,
    blocks: [
      section(`:raised_hand: *Approval needed*: ${escapeSlack(summary)}\nIt passed the risk check and the critic; nothing is sent to the broker until an approver answers.`),
      fields(null, [['Order', escapeSlack(summary)], ['Notional', money.format(Number(request.notional))], ['Client order id', escapeSlack(order.clientOrderId)]]),
      { type: 'actions', block_id: 'desk_approval', elements: [button('Approve', APPROVE_ACTION, 'primary'), button('Reject', REJECT_ACTION, 'danger')] },
      verdictBlock(result),
    ],
  };
}

/** The approval message once answered: who answered, and what the desk then did. */
export function answeredMessage(answer: { decision: 'approve' | 'reject'; userId: string }, outcome: TurnResult | string): SlackMessage {
  const verb = answer.decision === 'approve' ? ':white_check_mark: Approved' : ':x: Rejected';
  const head = `${verb} by <@${answer.userId}>`;
  if (typeof outcome === 'string') return { text: `${head}. ${escapeSlack(outcome)}`, blocks: [section(`${head}\n${escapeSlack(outcome)}`)] };
  const reply = replyMessage(outcome);
  return { text: `${head}. ${reply.text}`, blocks: [context(head), ...reply.blocks] };
}

/** The short live status of a turn, e.g. "working: strategy → run_backtest". */
export function progressText(events: TurnEvent[]): string {
  const steps = events.flatMap((event) => (event.type === 'agent-started' ? [event.agent] : event.type === 'tool-called' ? [event.tool] : []));
  return `:hourglass_flowing_sand: working${steps.length ? `: ${steps.slice(-6).join(' → ')}` : '…'}`;
}
