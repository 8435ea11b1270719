import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEdgeApp } from './edge-app.ts';

let origin: Server;
let originUrl = '';
const seen: Array<{ url: string; method: string; authorization?: string; body: string }> = [];

beforeAll(async () => {
  origin = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push({ url: request.url ?? '', method: request.method ?? '', authorization: request.headers.authorization, body });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ reply: 'from origin' }));
    });
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  const address = origin.address();
  originUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => origin.close(() => resolve())));

describe('edge worker', () => {
  const app = createEdgeApp();

  it('reports its own health without exposing configuration values', async () => {
    const response = await app.request('/health', {}, { DESK_ORIGIN: originUrl, DESK_API_TOKEN: 'secret' });
    expect(await response.json()).toEqual({ status: 'ok', role: 'edge', originConfigured: true, authConfigured: true });
  });

  it('refuses API calls when no token is configured', async () => {
    const response = await app.request('/api/positions', {}, { DESK_ORIGIN: originUrl });
    expect(response.status).toBe(503);
  });

  it('refuses a wrong bearer token before reaching the origin', async () => {
    const before = seen.length;
    const response = await app.request('/api/positions', { headers: { authorization: 'Bearer nope' } }, { DESK_ORIGIN: originUrl, DESK_API_TOKEN: 'secret' });
    expect(response.status).toBe(401);
    expect(seen.length).toBe(before);
  });

  it('forwards an authenticated call with its body to the origin', async () => {
    const response = await app.request(
      '/api/chat?x=1',
      { method: 'POST', body: JSON.stringify({ message: 'show my positions' }), headers: { authorization: 'Bearer secret', 'content-type': 'application/json' } },
      { DESK_ORIGIN: originUrl, DESK_API_TOKEN: 'secret' },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ reply: 'from origin' });
    expect(seen.at(-1)).toMatchObject({ url: '/api/chat?x=1', method: 'POST', authorization: 'Bearer secret', body: JSON.stringify({ message: 'show my positions' }) });
  });
});
