import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk } from '../../test-support/desk.ts';
import { serveOnLoopback } from '../../test-support/serve.ts';
import { createApp } from './app.ts';

const READ_TOKEN = 'read-token-0123456789abcdef';
const TRADE_TOKEN = 'trade-token-0123456789abcdef';

describe('MCP over Streamable HTTP', () => {
  let desk: Awaited<ReturnType<typeof openTestDesk>>;
  let http: Awaited<ReturnType<typeof serveOnLoopback>> | undefined;
  let base = '';
  const connect = async (server: string, token: string) => {
    const client = new Client({ name: 'http-test', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp/${server}`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
    return client;
  };
  const post = (path: string, headers: Record<string, string>) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }) });

  beforeAll(async () => {
    desk = await openTestDesk('embedded', { env: { DESK_MCP_TOKENS: `reader:${READ_TOKEN}:read,trader:${TRADE_TOKEN}:read+trade` } });
    http = await serveOnLoopback(createApp(desk).fetch);
    base = http.base;
  });
  afterAll(async () => {
    http?.close();
    await desk?.close();
  });

  it('lists and calls a read tool with the SDK client and a read token', async () => {
    const client = await connect('market-data', READ_TOKEN);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(['list_symbols', 'get_bars', 'get_quote', 'import_bars', 'refresh', 'data_quality_report']);
    const quote = await client.callTool({ name: 'get_quote', arguments: { symbol: 'AAPL' } });
    expect(quote.structuredContent).toMatchObject({ symbol: 'AAPL', price: expect.any(Number) });
    await client.close();
  });

  it('refuses a trade tool to a read-only token and allows it with the trade scope', async () => {
    const reader = await connect('risk', READ_TOKEN);
    const refused = await reader.callTool({ name: 'check_order', arguments: { symbol: 'AAPL', side: 'buy', quantity: 1 } });
    expect(refused).toMatchObject({ isError: true, content: [{ type: 'text', text: expect.stringMatching(/check_order needs scope "trade"; token reader has read/) }] });
    const trader = await connect('risk', TRADE_TOKEN);
    const checked = await trader.callTool({ name: 'check_order', arguments: { symbol: 'AAPL', side: 'buy', quantity: 1 } });
    expect(checked.structuredContent).toMatchObject({ approved: true });
  });

  it('rejects missing tokens, unknown servers and the oversight server', async () => {
    expect((await post('/mcp/market-data', {})).status).toBe(401);
    expect((await post('/mcp/market-data', { authorization: 'Bearer read-token-0123456789abcdeX' })).status).toBe(401);
    expect((await post('/mcp/nope', { authorization: `Bearer ${READ_TOKEN}` })).status).toBe(404);
    expect((await post('/mcp/oversight', { authorization: `Bearer ${TRADE_TOKEN}` })).status).toBe(404);
  });

  it('rejects foreign Host and Origin headers (DNS rebinding) and oversized bodies', async () => {
    const app = createApp(desk);
    const request = (headers: Record<string, string>, body = '{}') => app.request('http://127.0.0.1/mcp/market-data', { method: 'POST', headers: { authorization: `Bearer ${READ_TOKEN}`, 'content-type': 'application/json', ...headers }, body });
    expect((await request({ host: 'attacker.example' })).status).toBe(403);
    expect((await request({ host: '127.0.0.1:8787', origin: 'https://evil.example' })).status).toBe(403);
    expect((await request({ host: '127.0.0.1:8787' }, 'x'.repeat(1_100_000))).status).toBe(413);
  });

  it('serves the combined desk server, with its resources, at /mcp/desk', async () => {
    const client = await connect('desk', READ_TOKEN);
    expect((await client.listTools()).tools.map((tool) => tool.name)).toEqual(expect.arrayContaining(['get_quote', 'run_backtest', 'check_order', 'place_order']));
    const read = await client.readResource({ uri: 'desk://limits' });
    expect(JSON.parse((read.contents[0] as { text: string }).text)).toMatchObject({ maxOrderNotional: expect.any(String) });
    await client.close();
  });

  it('limits each token to DESK_MCP_RATE_LIMIT requests a minute, with Retry-After', async () => {
    const app = createApp({ ...desk, config: { ...desk.config, mcpRateLimit: 2 } });
    const request = (token: string) => app.request('http://127.0.0.1/mcp/market-data', {
      method: 'POST',
      headers: { host: '127.0.0.1:8787', authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect((await request(READ_TOKEN)).status).toBe(200);
    expect((await request(READ_TOKEN)).status).toBe(200);
    const limited = await request(READ_TOKEN);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(/token reader may make 2 requests a minute/);
    // Another token has its own budget.
    expect((await request(TRADE_TOKEN)).status).toBe(200);
  });
});
