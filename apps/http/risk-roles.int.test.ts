import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk } from '../../test-support/desk.ts';
import { serveOnLoopback } from '../../test-support/serve.ts';
import { createApp } from './app.ts';

const TRADE_TOKEN = 'trade-token-0123456789abcdef';
const ADMIN_TOKEN = 'admin-token-0123456789abcdef';

describe('risk roles over MCP on HTTP: the admin scope is the admin role', () => {
  let desk: Awaited<ReturnType<typeof openTestDesk>>;
  let http: Awaited<ReturnType<typeof serveOnLoopback>> | undefined;
  let base = '';
  const connect = async (token: string) => {
    const client = new Client({ name: 'http-test', version: '1' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp/risk`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
    return client;
  };

  beforeAll(async () => {
    desk = await openTestDesk('embedded', { env: { DESK_MCP_TOKENS: `trader:${TRADE_TOKEN}:read+trade,boss:${ADMIN_TOKEN}:admin` } });
    http = await serveOnLoopback(createApp(desk).fetch);
    base = http.base;
  });
  afterAll(async () => {
    http?.close();
    await desk?.close();
  });

  it('refuses set_limits and kill switch off to a trade token, naming the admin role', async () => {
    const trader = await connect(TRADE_TOKEN);
    const limits = await trader.callTool({ name: 'set_limits', arguments: { changes: { maxOrderNotional: '1' }, reason: 'tiny orders' } });
    expect(limits).toMatchObject({ isError: true, content: [{ text: 'forbidden: set_limits needs the admin role; trader has read, trade' }] });
    const on = await trader.callTool({ name: 'kill_switch', arguments: { action: 'on', reason: 'stop everything' } });
    expect(on.structuredContent).toMatchObject({ killSwitch: { active: true, changedBy: 'trader' } });
    const off = await trader.callTool({ name: 'kill_switch', arguments: { action: 'off', reason: 'resume' } });
    expect(off).toMatchObject({ isError: true, content: [{ text: 'forbidden: kill_switch off needs the admin role; trader has read, trade' }] });
    await trader.close();
  });

  it('lets an admin token change limits and turn the kill switch off, logged under its client name', async () => {
    const boss = await connect(ADMIN_TOKEN);
    const off = await boss.callTool({ name: 'kill_switch', arguments: { action: 'off', reason: 'resume after review' } });
    expect(off.structuredContent).toMatchObject({ killSwitch: { active: false, changedBy: 'boss' } });
    const changed = await boss.callTool({ name: 'set_limits', arguments: { changes: { maxOrderNotional: '50000' }, reason: 'smaller book' } });
    expect(changed.structuredContent).toMatchObject({ changedBy: 'boss', limits: { maxOrderNotional: '50000' } });
    expect((await desk.serverDeps.limits.listLimitChanges()).map((change) => [change.changedBy, change.reason])).toEqual([['boss', 'smaller book']]);
    await boss.close();
  });
});
