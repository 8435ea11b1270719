import { Hono } from 'hono';

/** Bindings of the Cloudflare Worker (wrangler.toml [vars] and secrets). */
export interface EdgeBindings {
  /** Origin of the desk's HTTP API, e.g. https://desk.example.com; the edge forwards /api/* there. */
  DESK_ORIGIN?: string;
  /** Bearer token callers must present; set with `wrangler secret put DESK_API_TOKEN`. */
  DESK_API_TOKEN?: string;
}

/**
 * The Workers edge: authenticates callers at the edge and forwards the API to the desk's
 * origin, which holds the database and the agents. No secrets in code; without a token
 * configured the edge refuses API calls rather than opening them.
 */
export function createEdgeApp(): Hono<{ Bindings: EdgeBindings }> {
  const app = new Hono<{ Bindings: EdgeBindings }>();
  app.get('/health', (context) => context.json({ status: 'ok', role: 'edge', originConfigured: Boolean(context.env.DESK_ORIGIN), authConfigured: Boolean(context.env.DESK_API_TOKEN) }));
  app.all('/api/*', async (context) => {
    const { DESK_ORIGIN: origin, DESK_API_TOKEN: token } = context.env;
    if (!origin || !token) return context.json({ error: { code: 'not_configured', message: 'DESK_ORIGIN and DESK_API_TOKEN must be set on the worker' } }, 503);
    const given = context.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    if (!constantTimeEqual(given, token)) return context.json({ error: { code: 'unauthorized', message: 'missing or wrong bearer token' } }, 401);
    const url = new URL(context.req.url);
    const target = new URL(url.pathname + url.search, origin);
    const headers = new Headers(context.req.raw.headers);
    headers.delete('host');
    const body = ['GET', 'HEAD'].includes(context.req.method) ? undefined : await context.req.arrayBuffer();
    const response = await fetch(target, { method: context.req.method, headers, body });
    return new Response(response.body, { status: response.status, headers: response.headers });
  });
  return app;
}

function constantTimeEqual(left: string, right: string): boolean {
  const a = new TextEncoder().encode(left);
  const b = new TextEncoder().encode(right);
  let difference = a.length ^ b.length;
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}
