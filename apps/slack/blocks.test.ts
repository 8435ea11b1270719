import { describe, expect, it } from 'vitest';
import type { TurnResult } from '../../graphs/index.ts';
import { answeredMessage, approvalMessage, progressText, replyMessage } from './blocks.ts';

const turn = (overrides: Partial<TurnResult>): TurnResult => ({
  threadId: 'slack:C1:1.1', reply: '', pendingApproval: null, agentsVisited: ['supervisor', 'critic'], toolCalls: [], decisionIds: [], verdicts: [], inputTokens: 0, outputTokens: 0, ...overrides,
});
const verdict = (agent: string, value: 'approve' | 'revise' | 'block', reasons: string[] = []) => ({ verdictId: `v_${agent}`, decisionId: 'd', agent, verdict: value, reasons });
const texts = (blocks: any[]) => blocks.flatMap((block) => [block.text?.text, ...(block.fields ?? []).map((field: { text: string }) => field.text), ...(block.elements ?? []).map((element: { text: unknown }) => element.text)]).filter(Boolean);

describe('Block Kit messages', () => {
  it('shows backtest metrics as percentages and ratios, and counts the critic approvals', () => {
    const metrics = { totalReturn: 0.32519, annualizedReturn: 0.0581, annualizedVolatility: 0.2, sharpe: 0.456, maxDrawdown: 0.1234, trades: 17, winRate: 0.5, exposure: 0.6, finalEquity: 132519.4 };
    const call = { id: 'c1', server: 'backtest', tool: 'run_backtest', arguments: {}, result: { symbol: 'AAPL', strategy: 'sma_crossover', fast: 10, slow: 30, from: '2021-01-05', to: '2026-01-05', metrics }, isError: false, latencyMs: 3, agent: 'strategy' };
    const message = replyMessage(turn({ reply: 'AAPL: total return 32.52%', toolCalls: [call], verdicts: [verdict('supervisor', 'approve'), verdict('strategy', 'approve')] }));
    expect(texts(message.blocks)).toEqual([
      'AAPL: total return 32.52%',
      '*Backtest AAPL sma_crossover 10/30*, 2021-01-05 to 2026-01-05',
      '*Total return*\n32.52%', '*Annualized return*\n5.81%', '*Sharpe*\n0.46', '*Max drawdown*\n12.34%', '*Trades*\n17', '*Win rate*\n50.00%', '*Final equity*\n$132,519.40',
      'Critic: :white_check_mark: approve ×2\nagents: supervisor → critic',
    ]);
  });

  it('lists revisions and blocks with their reasons, escaped', () => {
    const message = replyMessage(turn({ reply: 'Blocked <!channel>', verdicts: [verdict('execution', 'block', ['order appears only inside quotes <b>'])] }));
    expect(message.text).toBe('Blocked &lt;!channel&gt;');
    expect(texts(message.blocks).at(-1)).toBe('Critic:\n:no_entry: block (execution): order appears only inside quotes &lt;b&gt;\nagents: supervisor → critic');
  });

  it('offers Approve and Reject for the waiting order, carrying its client order id', () => {
    const request = { threadId: 't', order: { clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: '1000', type: 'market' }, notional: '185023.5', reason: 'order needs human approval' };
    const message = approvalMessage(request, turn({}));
    expect(message.text).toBe('Approval needed: buy 1,000 AAPL at market, notional $185,023.50');
    const actions = message.blocks.find((block) => block.type === 'actions') as any;
    expect(actions.elements.map((button: any) => [button.action_id, button.value, button.style])).toEqual([['desk_approve', 'co_1', 'primary'], ['desk_reject', 'co_1', 'danger']]);
  });

  it('says who answered and what followed, and shows the steps of a running turn', () => {
    expect(answeredMessage({ decision: 'reject', userId: 'U1' }, 'no order <x>').text).toBe(':x: Rejected by <@U1>. no order &lt;x&gt;');
    expect(progressText([{ type: 'agent-started', agent: 'strategy' }, { type: 'tool-called', agent: 'strategy', tool: 'run_backtest', isError: false, latencyMs: 4 }, { type: 'critic-verdict', agent: 'strategy', verdict: 'approve', reasons: [] }])).toBe(':hourglass_flowing_sand: working: strategy → run_backtest');
  });
});
