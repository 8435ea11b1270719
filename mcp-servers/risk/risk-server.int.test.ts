import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../apps/runtime/servers.ts';
import { openTestDesk } from '../../test-support/desk.ts';
import { connectInProcess } from '../shared/index.ts';

type Result = { isError?: boolean; structuredContent?: Record<string, any>; content: Array<{ text?: string }> };

describe('the risk server’s limits and kill switch (embedded Postgres)', () => {
  let desk: Awaited<ReturnType<typeof openTestDesk>>;
  let agent: Client;
  let admin: Client;
  const cancelled: string[] = [];
  const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as Result;

  beforeAll(async () => {
    desk = await openTestDesk('embedded');
    const deps = { ...desk.serverDeps, cancelOpenOrders: async (reason: string) => { cancelled.push(reason); return 2; } };
    agent = await connectInProcess(createServer('risk', deps), 'agent');
    admin = await connectInProcess(createServer('risk', { ...deps, riskCaller: { name: 'alice', roles: ['admin'] } }), 'cli');
  });
  afterAll(async () => desk?.close());

  it('trips the kill switch when the daily loss limit fails, cancels open orders and records why', async () => {
    // The first equity of the day sets the reference: pretend the day started at 1.2M (equity is 1M).
    await desk.serverDeps.limits.recordEquity('1200000', new Date('2026-01-05T00:00:00Z'));
    const checked = await call(agent, 'check_order', { symbol: 'AAPL', side: 'buy', quantity: 1 });
    expect(checked.structuredContent).toMatchObject({ approved: false, killSwitchTripped: true, cancelledOrders: 2, startOfDayEquity: '1200000', equity: '1000000' });
    expect(checked.structuredContent!.violations.map((rule: { rule: string }) => rule.rule)).toEqual(['daily_loss']);
    expect(cancelled).toEqual([expect.stringMatching(/^kill switch on: daily_loss: loss since the start of the day 0.166667 exceeds daily_loss limit 0.05/)]);
    const status = await call(agent, 'kill_switch', { action: 'status' });
    expect(status.structuredContent!.killSwitch).toMatchObject({ active: true, changedBy: 'risk:daily_loss' });
    const again = await call(agent, 'check_order', { symbol: 'AAPL', side: 'buy', quantity: 1 });
    expect(again.structuredContent!.violations.map((rule: { rule: string }) => rule.rule)).toEqual(['kill_switch', 'daily_loss']);
    expect(again.structuredContent!.killSwitchTripped).toBe(false);
  });

  it('lets only an admin turn the kill switch off, and logs who and why', async () => {
    const refused = await call(agent, 'kill_switch', { action: 'off', reason: 'looks fine' });
    expect(refused).toMatchObject({ isError: true, content: [{ text: 'forbidden: kill_switch off needs the admin role; desk-agent has read, trade' }] });
    const off = await call(admin, 'kill_switch', { action: 'off', reason: 'reviewed the loss' });
    expect(off.structuredContent!.killSwitch).toMatchObject({ active: false, changedBy: 'alice', reason: 'reviewed the loss' });
    expect(off.structuredContent!.recentChanges.map((change: { active: boolean; changedBy: string }) => [change.active, change.changedBy])).toEqual([[true, 'risk:daily_loss'], [false, 'alice']]);
  });

  it('refuses set_limits without the admin role, naming the role, and changes nothing', async () => {
    const refused = await call(agent, 'set_limits', { changes: { maxDailyLossFraction: '0.5' }, reason: 'be bold' });
    expect(refused).toMatchObject({ isError: true, content: [{ text: 'forbidden: set_limits needs the admin role; desk-agent has read, trade' }] });
    expect((await call(agent, 'get_limits', { changes: 10 })).structuredContent!.limitChanges).toEqual([]);
  });

  it('lets an admin change limits; the change is logged with old, new and reason and takes effect', async () => {
    const changed = await call(admin, 'set_limits', { changes: { maxDailyLossFraction: '0.5', restrictedSymbols: ['gme'] }, reason: 'wider loss limit for the test' });
    expect(changed.structuredContent).toMatchObject({ changedBy: 'alice', changed: ['maxDailyLossFraction', 'restrictedSymbols'], limits: { maxDailyLossFraction: '0.5', restrictedSymbols: ['GME'], maxLeverage: '1' } });
    const limits = (await call(agent, 'get_limits', { changes: 5 })).structuredContent!;
    expect(limits).toMatchObject({ maxDailyLossFraction: '0.5', maxOrdersPerMinute: 60, killSwitch: { active: false } });
    expect(limits.limitChanges).toEqual([expect.objectContaining({ changedBy: 'alice', reason: 'wider loss limit for the test', old: expect.objectContaining({ restrictedSymbols: [] }), new: expect.objectContaining({ maxDailyLossFraction: '0.5' }) })]);
    expect((await call(agent, 'check_order', { symbol: 'AAPL', side: 'buy', quantity: 1 })).structuredContent).toMatchObject({ approved: true, approvalToken: expect.any(String) });
  });

  it('refuses bad limit values and a session that closes before it opens, changing nothing', async () => {
    for (const changes of [{ maxLeverage: '-1' }, { maxOrdersPerMinute: Number.NaN }, { maxGrossExposure: 'lots' }, { sessionOpenUtc: '21:00' }, {}]) {
      expect((await call(admin, 'set_limits', { changes, reason: 'bad input' })).isError).toBe(true);
    }
    expect((await call(agent, 'get_limits', { changes: 10 })).structuredContent!.limitChanges).toHaveLength(1);
  });

  it('lets a trader turn the kill switch on by command; every order is then refused', async () => {
    const missingReason = await call(agent, 'kill_switch', { action: 'on' });
    expect(missingReason.isError).toBe(true);
    const on = await call(agent, 'kill_switch', { action: 'on', reason: 'runaway agent' });
    expect(on.structuredContent).toMatchObject({ killSwitch: { active: true, changedBy: 'desk-agent', reason: 'runaway agent' }, cancelledOrders: 2 });
    const refused = await call(agent, 'check_order', { symbol: 'MSFT', side: 'sell', quantity: 1 });
    expect(refused.structuredContent).toMatchObject({ approved: false, violations: [expect.objectContaining({ rule: 'kill_switch', message: expect.stringMatching(/runaway agent/) })] });
    expect(refused.structuredContent!.approvalToken).toBeUndefined();
  });
});
