import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk } from '../../test-support/desk.ts';
import { createApp } from './app.ts';

describe('HTTP API', () => {
  let desk: Awaited<ReturnType<typeof openTestDesk>>;
  let app: ReturnType<typeof createApp>;
  const headers = { authorization: 'Bearer api-token', 'content-type': 'application/json' };
  beforeAll(async () => {
    desk = await openTestDesk('embedded', { env: { DESK_API_TOKEN: 'api-token' } });
    app = createApp(desk);
  });
  afterAll(async () => desk?.close());

  it('reports health: database, migrations, servers and model mode', async () => {
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body).toMatchObject({ status: 'ok', database: { ok: true, kind: 'embedded' }, model: { mode: 'offline', model: 'offline-planner-v1' } });
    expect(body.servers.find((server: { name: string }) => server.name === 'broker').tools).toContain('place_order');
  });

  it('requires the bearer token on /api/*', async () => {
    expect((await app.request('/api/positions')).status).toBe(401);
    expect((await app.request('/api/positions', { headers: { authorization: 'Bearer wrong-token' } })).status).toBe(401);
  });

  it('chats, then shows the order, position and decision log', async () => {
    const response = await app.request('/api/chat', { method: 'POST', headers, body: JSON.stringify({ message: 'buy 7 NVDA', threadId: 'http-1' }) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).reply).toMatch(/^Bought 7 NVDA/);
    const positions = (await (await app.request('/api/positions', { headers })).json()) as any;
    expect(positions.positions).toEqual([expect.objectContaining({ symbol: 'NVDA', quantity: '7' })]);
    const orders = (await (await app.request('/api/orders', { headers })).json()) as any;
    expect(orders.orders[0]).toMatchObject({ symbol: 'NVDA', status: 'filled', threadId: 'http-1' });
    const log = (await (await app.request('/api/decisions?thread=http-1', { headers })).json()) as any;
    expect(log.decisions.length).toBe(log.verdicts.length);
    expect(((await (await app.request('/api/decisions/verify', { headers })).json()) as any).ok).toBe(true);
    const thread = (await (await app.request('/api/threads/http-1', { headers })).json()) as any;
    expect(thread.history).toHaveLength(2);
  });

  it('streams the steps of a turn as server-sent events, ending with the result', async () => {
    const response = await app.request('/api/chat/stream', { method: 'POST', headers, body: JSON.stringify({ message: 'buy 1 MSFT', threadId: 'http-stream' }) });
    const events = (await response.text()).split('\n\n').filter(Boolean).map((chunk) => ({ event: /event: (.*)/.exec(chunk)?.[1], data: JSON.parse(/data: (.*)/.exec(chunk)![1]) }));
    expect(events.filter((entry) => entry.event === 'tool-called').map((entry) => entry.data.tool)).toEqual(['check_order', 'approve_order', 'place_order']);
    expect(events.filter((entry) => entry.event === 'agent-started').map((entry) => entry.data.agent)).toContain('execution');
    expect(events.filter((entry) => entry.event === 'critic-verdict').every((entry) => entry.data.verdict === 'approve')).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: 'result', data: { reply: expect.stringMatching(/^Bought 1 MSFT/) } });
  });

  it('answers approvals only for threads that wait for one, with clear errors', async () => {
    const missing = await app.request('/api/threads/http-1/approval', { method: 'POST', headers, body: JSON.stringify({ decision: 'approve', by: 'alice' }) });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).error.message).toMatch(/has no order waiting for approval/);
    const invalid = await app.request('/api/threads/http-1/approval', { method: 'POST', headers, body: JSON.stringify({ decision: 'maybe' }) });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as any).error.message).toMatch(/decision: .*by: /);
  });

  it('rejects a bad chat body with the field and the rule', async () => {
    const empty = await app.request('/api/chat', { method: 'POST', headers, body: JSON.stringify({ message: '  ' }) });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as any).error.message).toMatch(/message: message must not be empty/);
    const notJson = await app.request('/api/chat', { method: 'POST', headers, body: 'buy' });
    expect(((await notJson.json()) as any).error.message).toMatch(/body must be JSON/);
  });
});
