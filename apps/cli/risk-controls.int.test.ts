import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/desk.js');

/** `desk risk limits | set-limit | kill-switch` in child processes on an embedded database. */
describe('desk risk controls (embedded database in a fresh DESK_HOME)', () => {
  const home = mkdtempSync(join(tmpdir(), 'desk-risk-cli-'));
  const env = { ...process.env, DESK_HOME: home, ANTHROPIC_API_KEY: '', DATABASE_URL: '' };
  const desk = async (...args: string[]) => (await run(process.execPath, [BIN, ...args], { env, timeout: 120_000 })).stdout;
  const failing = async (...args: string[]) => run(process.execPath, [BIN, ...args], { env, timeout: 120_000 }).then(() => { throw new Error('expected a failure'); }, (error: { code: number; stderr: string }) => error);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('changes a limit as admin under --by, logs it, and runs the kill switch', async () => {
    expect((await failing('risk', 'set-limit', 'maxLeverage', '1.5')).stderr).toMatch(/--by NAME is required/);
    expect((await failing('risk', 'set-limit', 'maxFun', '1', '--by', 'alice')).stderr).toMatch(/unknown limit "maxFun"; limits: maxOrderNotional, /);
    expect(await desk('risk', 'set-limit', 'restrictedSymbols', 'GME,AMC', '--by', 'alice', '--reason', 'meme stocks')).toMatch(/^changed restrictedSymbols \(by alice\)/);
    const limits = JSON.parse(await desk('risk', 'limits', '--changes', '5', '--json'));
    expect(limits).toMatchObject({ restrictedSymbols: ['GME', 'AMC'], killSwitch: { active: false } });
    expect(limits.limitChanges).toEqual([expect.objectContaining({ changedBy: 'alice', reason: 'meme stocks' })]);
    expect(await desk('risk', 'kill-switch', 'on', '--by', 'bob', '--reason', 'runaway agent')).toMatch(/^kill switch ON \(runaway agent; by bob at .*\); cancelled orders: 0\s*$/);
    expect(await desk('chat', 'buy 1 AAPL')).toMatch(/kill_switch/);
    expect(await desk('risk', 'kill-switch', 'off', '--by', 'alice', '--reason', 'reviewed')).toMatch(/^kill switch off \(reviewed; by alice/);
    expect(await desk('risk', 'kill-switch', 'status')).toMatch(/^kill switch off/);
  }, 240_000);
});
