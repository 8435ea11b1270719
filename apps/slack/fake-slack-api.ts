import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call the app made, with its decoded arguments. */
export interface SlackCall {
  method: string;
  token: string | null;
  args: Record<string, any>;
  /** What the fake answered (chat.postMessage: the new message's ts). */
  response: Record<string, any>;
}

/**
 * A local stand-in for the Slack Web API (tests): records every call and answers like Slack
 * does for the methods the desk uses (chat.postMessage gets a fresh ts; auth.test refuses the token
 * xoxb-revoked). Point Bolt at `apiUrl`.
 * @example const slack = await startFakeSlackApi(); ... slack.calls.filter((call) => call.method === 'chat.update');
 */
export async function startFakeSlackApi() {
  const calls: SlackCall[] = [];
  let sequence = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0];
      const args = decodeArgs(Buffer.concat(chunks).toString('utf8'), request.headers['content-type'] ?? '');
      const token = (request.headers.authorization ?? '').replace(/^Bearer /, '') || null;
      const reply = answer(method, args, token, () => `1700000100.${String(++sequence).padStart(6, '0')}`);
      calls.push({ method, token, args, response: reply });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    /** Wait until `predicate` holds for the recorded calls (polls; fails after `timeoutMs`). */
    async waitFor<T>(predicate: (calls: SlackCall[]) => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = await predicate(calls);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`fake Slack: condition not met in ${timeoutMs} ms; calls: ${calls.map((call) => call.method).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeSlackApi = Awaited<ReturnType<typeof startFakeSlackApi>>;

function decodeArgs(body: string, contentType: string): Record<string, any> {
  if (contentType.includes('application/json')) return body ? JSON.parse(body) : {};
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(body)) args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  return args;
}

function answer(method: string, args: Record<string, any>, token: string | null, nextTs: () => string): Record<string, unknown> {
  if (method === 'chat.postMessage') {
    const ts = nextTs();
    return { ok: true, channel: args.channel, ts, message: { text: args.text, ts, thread_ts: args.thread_ts } };
  }
  if (method === 'chat.update') return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
  if (method === 'auth.test') return token === 'xoxb-revoked' ? { ok: false, error: 'invalid_auth' } : { ok: true, user_id: 'UDESKBOT', bot_id: 'BDESK', team: 'desk' };
  if (method === 'chat.postEphemeral') return { ok: true, message_ts: nextTs() };
  return { ok: true };
}
