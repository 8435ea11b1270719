import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflinePlanner } from '../../agents/index.ts';
import { replayThread } from '../../graphs/index.ts';
import { openTestDesk } from '../../test-support/desk.ts';

describe('replay of a recorded thread (offline planner)', () => {
  let desk: Awaited<ReturnType<typeof openTestDesk>>;
  beforeAll(async () => {
    desk = await openTestDesk('embedded', { env: { DESK_HUMAN_APPROVAL: '10000' } });
    const thread = { threadId: 'recorded' };
    await desk.chat('backtest an SMA crossover 10/30 on AAPL over the last 5 years', thread);
    await desk.chat('buy 10 AAPL', thread);
    await desk.chat('buy 20 AAPL', thread);
    await desk.approve('recorded', { decision: 'approve', by: 'alice' });
    await desk.chat('buy 1000000 AAPL', thread);
    await desk.chat('buy AAPL', thread);
    await desk.chat('show my positions', thread);
  });
  afterAll(async () => desk?.close());

  it('reproduces every decision from the recorded tool results', async () => {
    const { decisions } = await desk.serverDeps.decisions.listByThread('recorded');
    expect(decisions.some((decision) => decision.kind === 'human-approval')).toBe(true);
    const report = await replayThread(createOfflinePlanner(), decisions);
    expect(report.differences).toEqual([]);
    expect(report.identical).toBe(true);
    expect(report.replayed).toHaveLength(decisions.length);
  });

  it('notices when the record was changed', async () => {
    const { decisions } = await desk.serverDeps.decisions.listByThread('recorded');
    const doctored = decisions.map((decision) =>
      decision.kind === 'reply' && decision.agent === 'risk'
        ? { ...decision, toolCalls: decision.toolCalls.map((call) => ({ ...call, result: { positions: [] } })) }
        : decision,
    );
    const report = await replayThread(createOfflinePlanner(), doctored);
    expect(report.identical).toBe(false);
    expect(report.differences.join()).toMatch(/\(risk\/reply\) differs/);
  });
});
