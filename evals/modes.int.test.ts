import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scriptedClaude } from '../test-support/claude-script.ts';
import { startFakeAnthropic } from '../test-support/fake-anthropic.ts';
import { runSuites } from './harness.ts';
import { EvalSuiteSchema } from './suite-schema.ts';

const suite = EvalSuiteSchema.parse({
  name: 'claude-probe',
  cases: [
    { id: 'claude-buys', kind: 'task', turns: [{ user: 'buy 10 AAPL' }], expect: { tools: [{ name: 'check_order' }, { name: 'place_order' }], positions: { AAPL: '10' } } },
    { id: 'claude-backtests', kind: 'task', turns: [{ user: 'backtest an SMA crossover 10/30 on AAPL over the last 5 years' }], expect: { tools: [{ name: 'run_backtest' }], reply: { matches: 'Sharpe of -?\\d+\\.\\d\\d over \\d+ trades' }, verdicts: { include: ['revise'] } } },
  ],
});

describe('eval modes: a Claude run recorded, then re-scored offline by replay', () => {
  const recordings = mkdtempSync(join(tmpdir(), 'desk-recordings-'));
  afterAll(() => rmSync(recordings, { recursive: true, force: true }));

  it('scores the replay exactly like the recorded Claude run, without any model server', async () => {
    const fake = await startFakeAnthropic({ responses: scriptedClaude });
    const recorded = await runSuites([suite], { mode: 'claude', claude: { apiKey: 'sk-test', baseURL: fake.url }, recordings });
    await fake.close();
    expect(recorded.summary).toMatchObject({ cases: 2, passed: 2 });
    expect(recorded.summary.inputTokens).toBeGreaterThan(0);
    expect(existsSync(join(recordings, 'claude-buys.json'))).toBe(true);

    const replayed = await runSuites([suite], { mode: 'replay', recordings });
    const strip = (report: typeof recorded) => report.suites[0].cases.map(({ id, passed, failures, toolPrecision, toolRecall, inputTokens, outputTokens }) => ({ id, passed, failures, toolPrecision, toolRecall, inputTokens, outputTokens }));
    expect(strip(replayed)).toEqual(strip(recorded));
  });

  it('fails a case clearly when its recording is missing', async () => {
    await expect(runSuites([suite], { mode: 'replay', recordings: join(recordings, 'nowhere') })).rejects.toThrow(/no recording for case claude-(buys|backtests) at .*record it with --mode claude/);
  });
});
