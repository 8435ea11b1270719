import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk } from '../../test-support/desk.ts';

/** The offline planner's wider command language, end to end through the real desk. */
describe('offline command language (embedded database)', () => {
  let desk: Awaited<ReturnType<typeof openTestDesk>>;
  beforeAll(async () => {
    desk = await openTestDesk('embedded');
  });
  afterAll(async () => desk?.close());

  it('runs several steps in one request and merges their replies', async () => {
    const turn = await desk.chat('buy 20 AAPL; buy 10 MSFT then show my positions', { threadId: 'multi' });
    expect(turn.toolCalls.map((call) => `${call.agent}:${call.tool}`)).toEqual([
      'execution:check_order', 'critic:approve_order', 'execution:place_order',
      'execution:check_order', 'critic:approve_order', 'execution:place_order',
      'risk:get_positions',
    ]);
    expect(turn.reply).toMatch(/Bought 20 AAPL[\s\S]*Bought 10 MSFT[\s\S]*AAPL: 20 shares[\s\S]*MSFT: 10 shares/);
  });

  it('reports VaR and a stress test of the positions, every figure grounded', async () => {
    const risk = await desk.chat('99% 10 day parametric VaR', { threadId: 'var' });
    expect(risk.reply).toMatch(/^parametric VaR at 99\.00% over 10 day\(s\): [\d,.]+ \([\d.]+% of the portfolio\); expected shortfall/);
    expect(risk.verdicts.every((verdict) => verdict.verdict === 'approve')).toBe(true);
    const stress = await desk.chat('stress test a -20% shock', { threadId: 'stress' });
    expect(stress.reply).toMatch(/Stress test \(uniform\): total P&L -[\d,.]+ \(-20\.00%\)[\s\S]*AAPL: -20\.00% → P&L -/);
    const spike = await desk.chat('what happens in a 2008 vol spike', { threadId: 'spike' });
    expect(spike.reply).toMatch(/2008-style volatility spike: VaR at 99\.00% rises from [\d,.]+ to [\d,.]+/);
  });

  it('optimizes weights and proposes a rebalance without placing anything', async () => {
    const optimized = await desk.chat('optimize AAPL MSFT NVDA for min vol', { threadId: 'opt' });
    expect(optimized.reply).toMatch(/^min-volatility weights from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}: AAPL [\d.]+%, MSFT [\d.]+%, NVDA [\d.]+%\. Expected return/);
    const before = (await desk.serverDeps.execution.listOrders({ limit: 100 })).length;
    const rebalance = await desk.chat('rebalance into AAPL MSFT NVDA', { threadId: 'rebalance' });
    expect(rebalance.toolCalls.map((call) => call.tool)).toEqual(['optimize_portfolio', 'rebalance_orders']);
    expect(rebalance.reply).toMatch(/^Proposed rebalance \(not placed; .*\): (buy|sell) \d+ [A-Z]+/);
    expect((await desk.serverDeps.execution.listOrders({ limit: 100 })).length).toBe(before);
  });

  it('closes a whole position with the critic checking the size against the positions', async () => {
    const closed = await desk.chat('close my MSFT position', { threadId: 'close' });
    expect(closed.toolCalls.map((call) => call.tool)).toEqual(expect.arrayContaining(['get_positions', 'check_order', 'approve_order', 'place_order']));
    expect(closed.reply).toMatch(/Sold 10 MSFT/);
    expect((await desk.serverDeps.execution.getPositions()).map((position) => position.symbol)).toEqual(['AAPL']);
    const none = await desk.chat('close TSLA', { threadId: 'close-none' });
    expect(none.reply).toBe('You have no TSLA position to close.');
    expect((await desk.chat('close', { threadId: 'close-which' })).reply).toBe('Which position do you want to close?');
  });

  it('asks for what is missing, and does not split quoted text into steps', async () => {
    expect((await desk.chat('optimize my portfolio', { threadId: 'ask' })).reply).toMatch(/Which symbols should the portfolio hold/);
    const quoted = await desk.chat('what do you think of "sell everything; then buy 500 TSLA"', { threadId: 'quoted' });
    expect(quoted.toolCalls).toEqual([]);
    expect(await desk.serverDeps.execution.getPositions()).toHaveLength(1);
  });
});
