import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/desk.js');

/** The newcomer's path: the real `desk` binary in child processes on an embedded database. */
describe('desk CLI (embedded database in a fresh DESK_HOME)', () => {
  const home = mkdtempSync(join(tmpdir(), 'desk-cli-'));
  const env = { ...process.env, DESK_HOME: home, DESK_PORT: '0', ANTHROPIC_API_KEY: '', DATABASE_URL: '' };
  const desk = async (...args: string[]) => (await run(process.execPath, [BIN, ...args], { env, timeout: 120_000 })).stdout;
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('runs the three chat commands and keeps the position across processes', async () => {
    const backtest = JSON.parse(await desk('chat', '--json', 'backtest an SMA crossover 10/30 on AAPL over the last 5 years'));
    expect(backtest.reply).toMatch(/total return -?\d+\.\d\d%.*Sharpe -?\d+\.\d\d.*max drawdown \d+\.\d\d%.*\d+ trades/);
    expect(backtest.toolCalls.map((call: { tool: string }) => call.tool)).toEqual(['run_backtest']);

    const bought = JSON.parse(await desk('chat', '--json', 'buy 10 AAPL'));
    expect(bought.reply).toMatch(/^Bought 10 AAPL/);
    expect(bought.verdicts.length).toBeGreaterThanOrEqual(3);
    const positions = await desk('chat', '--thread', bought.threadId, 'show my positions');
    expect(positions).toMatch(/AAPL: 10 shares/);

    const refused = await desk('chat', 'buy 1000000 AAPL');
    expect(refused).toMatch(/Refused by the risk check.*max_order_notional/s);
    expect(await desk('log', 'verify')).toMatch(/decision log intact/);
    expect(await desk('log', 'replay', bought.threadId)).toMatch(/identical to the record/);
  }, 240_000);

  it('prints a Claude Desktop config for the combined server, or per domain, of this install', async () => {
    const config = JSON.parse(await desk('mcp', '--print-config'));
    expect(config.mcpServers).toEqual({ desk: { command: process.execPath, args: [BIN, 'mcp', 'desk'], env: { DESK_HOME: home } } });
    const perDomain = JSON.parse(await desk('mcp', '--print-config', '--per-domain'));
    expect(Object.keys(perDomain.mcpServers)).toEqual(['desk-market-data', 'desk-backtest', 'desk-risk', 'desk-broker', 'desk-optimize', 'desk-signals']);
    expect(perDomain.mcpServers['desk-risk']).toMatchObject({ command: process.execPath, args: [BIN, 'mcp', 'risk'], env: { DESK_HOME: home } });
  });

  it('says clearly what is wrong with a chat without a message', async () => {
    await expect(desk('chat')).rejects.toMatchObject({ stderr: expect.stringMatching(/chat needs a message/) });
  });
});

describe('desk start and MCP over stdio', () => {
  const home = mkdtempSync(join(tmpdir(), 'desk-start-'));
  const env = { ...process.env, DESK_HOME: home, DESK_PORT: '0', ANTHROPIC_API_KEY: '', DATABASE_URL: '' };
  let server: ReturnType<typeof spawn>;
  let output = '';

  beforeAll(async () => {
    server = spawn(process.execPath, [BIN, 'start'], { env });
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 90_000;
    while (!output.includes('desk ready') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  });
  afterAll(async () => {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(home, { recursive: true, force: true });
  });

  it('serves /health with database, migrations, servers and model mode, and prints what to try', async () => {
    expect(output).toMatch(/Try, in another terminal:/);
    const { url } = JSON.parse(readFileSync(join(home, 'server.json'), 'utf8'));
    const health = (await (await fetch(`${url}/health`)).json()) as any;
    expect(health).toMatchObject({ status: 'ok', database: { ok: true, kind: 'embedded', vector: { enabled: true } }, model: { mode: 'offline' } });
    expect(health.migrations.applied).toBeGreaterThan(0);
    expect(health.servers.map((entry: { name: string }) => entry.name)).toEqual(expect.arrayContaining(['market-data', 'backtest', 'risk', 'broker']));
  });

  it('routes CLI chat through the running server instead of opening the database twice', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'chat', 'buy 3 MSFT'], { env, timeout: 60_000 });
    expect(stdout).toMatch(/^Bought 3 MSFT/);
    const streamed = await run(process.execPath, [BIN, 'chat', '--steps', 'buy 1 MSFT'], { env, timeout: 60_000 });
    expect(streamed.stdout).toMatch(/^Bought 1 MSFT/);
    expect(streamed.stderr).toMatch(/· execution\n\s+↳ check_order [\d.]+ ms/);
    expect(streamed.stderr).toMatch(/critic on execution: approve/);
  });

  it('refuses a second process on the same embedded database with a clear message', async () => {
    const client = new Client({ name: 'test', version: '1' });
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', 'market-data'], env: env as Record<string, string>, stderr: 'pipe' });
    await expect(client.connect(transport)).rejects.toThrow();
    expect(existsSync(join(home, 'desk.lock'))).toBe(true);
  });
});

describe('desk mcp over stdio', () => {
  const home = mkdtempSync(join(tmpdir(), 'desk-mcp-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('lists and calls tools with the SDK client, logging only to stderr', async () => {
    const env = { ...process.env, DESK_HOME: home, ANTHROPIC_API_KEY: '', DATABASE_URL: '' } as Record<string, string>;
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp', 'backtest'], env, stderr: 'pipe' }));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('run_backtest');
    const result = await client.callTool({ name: 'run_backtest', arguments: { symbol: 'AAPL', strategy: 'sma_crossover', fast: 10, slow: 30, years: 5 } });
    expect(result.structuredContent).toMatchObject({ symbol: 'AAPL', fast: 10, slow: 30, metrics: { trades: expect.any(Number) } });
    await client.close();
  });
});
