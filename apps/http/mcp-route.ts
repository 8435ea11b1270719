import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { McpToken } from '../runtime/config.ts';
import type { Desk } from '../runtime/desk.ts';
import { createPublicServer, PUBLIC_SERVERS, type PublicServerName } from '../runtime/servers.ts';
import { bearerToken, sameSecret } from './bearer.ts';
import { hostAllowed, originAllowed } from './origins.ts';
import { createRateLimiter } from './rate-limit.ts';

const MAX_BODY_BYTES = 1_000_000;

/**
 * MCP over Streamable HTTP at /mcp/<server> (stateless, JSON responses). Every request needs a
 * bearer token from DESK_MCP_TOKENS; tools/call needs the tool's scope (read for read-only
 * tools, trade otherwise). Host and Origin are checked against loopback and DESK_ALLOWED_HOSTS
 * (DNS-rebinding protection); bodies are limited to 1 MB; each token may make DESK_MCP_RATE_LIMIT
 * requests a minute (429 with Retry-After beyond that).
 */
export function mountMcpRoutes(app: Hono, desk: Desk): void {
  const limiter = createRateLimiter(desk.config.mcpRateLimit);
  app.use('/mcp/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (context) => rpcError(context, 413, `request body over ${MAX_BODY_BYTES} bytes`) }));
  app.all('/mcp/:server', async (context) => {
    const name = context.req.param('server');
    if (!(PUBLIC_SERVERS as readonly string[]).includes(name)) return rpcError(context, 404, `no MCP server "${name}"; servers: ${PUBLIC_SERVERS.join(', ')}`);
    if (!hostAllowed(context.req.header('host'), desk.config.allowedHosts)) return rpcError(context, 403, 'host not allowed');
    if (!originAllowed(context.req.header('origin'), desk.config.allowedHosts)) return rpcError(context, 403, 'origin not allowed');
    const client = authenticate(context.req.header('authorization'), desk.config.mcpTokens);
    if (!client) return rpcError(context, 401, desk.config.mcpTokens.length ? 'missing or wrong bearer token' : 'MCP over HTTP is off: set DESK_MCP_TOKENS');
    const rate = limiter.take(client.token);
    if (!rate.allowed) {
      context.header('Retry-After', String(rate.retryAfterSeconds));
      return rpcError(context, 429, `rate limit: token ${client.client} may make ${desk.config.mcpRateLimit} requests a minute; retry in ${rate.retryAfterSeconds} s`);
    }
    const body = context.req.method === 'POST' ? await context.req.json().catch(() => undefined) : undefined;
    const denied = missingScope(body, client, desk.toolScopes);
    if (denied) return deniedToolResult(context, body, denied);
    const server = createPublicServer(name as PublicServerName, desk.serverDeps);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(context.req.raw, { parsedBody: body, authInfo: { token: client.token, clientId: client.client, scopes: client.scopes } });
    } finally {
      await server.close();
    }
  });
}

function authenticate(header: string | undefined, tokens: McpToken[]): McpToken | null {
  const given = bearerToken(header);
  return tokens.find((entry) => sameSecret(given, entry.token)) ?? null;
}

function missingScope(body: unknown, client: McpToken, toolScopes: Record<string, 'read' | 'trade'>): string | null {
  const messages = Array.isArray(body) ? body : [body];
  for (const message of messages) {
    const call = message as { method?: string; params?: { name?: string } } | undefined;
    if (call?.method !== 'tools/call') continue;
    const needed = toolScopes[call.params?.name ?? ''] ?? 'trade';
    if (!client.scopes.includes(needed) && !client.scopes.includes('admin')) return `tool ${call.params?.name} needs scope "${needed}"; token ${client.client} has ${client.scopes.join(', ')}`;
  }
  return null;
}

/** A scope denial is a tool-level failure: an isError result the model can read, not a crash. */
function deniedToolResult(context: Context, body: unknown, message: string): Response {
  if (Array.isArray(body)) return rpcError(context, 403, message);
  const id = (body as { id?: string | number }).id ?? null;
  return context.json({ jsonrpc: '2.0', id, result: { content: [{ type: 'text', text: `forbidden: ${message}` }], isError: true } });
}

function rpcError(context: Context, status: 401 | 403 | 404 | 413 | 429, message: string): Response {
  return context.json({ jsonrpc: '2.0', error: { code: -32001, message }, id: null }, status);
}
