import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { DeskError, isDeskError, parseWith } from '../../core/index.ts';
import type { Desk } from '../runtime/desk.ts';
import { bearerToken, sameSecret } from './bearer.ts';
import { mountDashboard } from './dashboard.ts';
import { loadEquity } from './dashboard-equity.ts';
import { healthReport } from './health.ts';
import { mountMcpRoutes } from './mcp-route.ts';
import { showOrder } from '../runtime/order-view.ts';

const ApprovalBodySchema = z.object({
  decision: z.enum(['approve', 'reject']),
  by: z.string().trim().min(1, 'by must name who decides').max(100),
  note: z.string().max(1000).optional(),
});

const ChatBodySchema = z.object({
  message: z.string().trim().min(1, 'message must not be empty').max(4000),
  threadId: z.string().regex(/^[A-Za-z0-9_.:\-]{1,100}$/, 'threadId may hold letters, digits, _ . : - (1-100)').optional(),
});

/**
 * The HTTP API: /health, chat, positions, orders, account and the decision log.
 * With DESK_API_TOKEN set, /api/* requires `Authorization: Bearer <token>`.
 */
export function createApp(desk: Desk): Hono {
  const app = new Hono();
  app.onError((error, context) => {
    if (isDeskError(error)) return context.json({ error: { code: error.code, message: error.message, details: error.details } }, error.code === 'not_found' ? 404 : 400);
    console.error(error);
    return context.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  });
  app.get('/health', async (context) => {
    const report = await healthReport(desk);
    return context.json(report, report.status === 'ok' ? 200 : 503);
  });
  app.use('/api/*', async (context, next) => {
    if (desk.config.apiToken && !sameSecret(bearerToken(context.req.header('authorization')), desk.config.apiToken)) {
      return context.json({ error: { code: 'unauthorized', message: 'missing or wrong bearer token' } }, 401);
    }
    await next();
  });
  app.post('/api/chat', async (context) => {
    const body = parseWith(ChatBodySchema, await context.req.json().catch(() => { throw new DeskError('invalid_input', 'body must be JSON: {"message": "...", "threadId"?: "..."}'); }), 'chat request');
    return context.json(await desk.chat(body.message, { threadId: body.threadId }));
  });
  app.post('/api/chat/stream', async (context) => {
    const body = parseWith(ChatBodySchema, await context.req.json().catch(() => { throw new DeskError('invalid_input', 'body must be JSON: {"message": "...", "threadId"?: "..."}'); }), 'chat request');
    return streamSSE(context, async (stream) => {
      try {
        const result = await desk.chat(body.message, { threadId: body.threadId, onEvent: (event) => void stream.writeSSE({ event: event.type, data: JSON.stringify(event) }) });
        await stream.writeSSE({ event: 'result', data: JSON.stringify(result) });
      } catch (error) {
        const message = isDeskError(error) ? `${error.code}: ${error.message}` : 'internal error';
        await stream.writeSSE({ event: 'error', data: JSON.stringify({ message }) });
      }
    });
  });
  app.get('/api/threads/:id/replay', async (context) => context.json(await desk.replay(context.req.param('id'))));
  app.post('/api/threads/:id/approval', async (context) => {
    const body = parseWith(ApprovalBodySchema, await context.req.json().catch(() => ({})), 'approval');
    return context.json(await desk.approve(context.req.param('id'), body));
  });
  app.get('/api/positions', async (context) => context.json({ positions: await desk.serverDeps.execution.getPositions() }));
  app.get('/api/account', async (context) => context.json(await desk.serverDeps.execution.getAccount()));
  app.get('/api/orders', async (context) => context.json({ orders: await desk.serverDeps.execution.listOrders({ limit: 100, ...(context.req.query('status') === 'open' ? { status: 'open' } : {}) }) }));
  app.get('/api/orders/:id', async (context) => context.json(await showOrder(desk.serverDeps.execution, context.req.param('id'))));
  app.post('/api/orders/:id/cancel', async (context) => {
    const body = (await context.req.json().catch(() => ({}))) as { reason?: unknown };
    return context.json(await desk.serverDeps.orders.cancelOrder(context.req.param('id'), typeof body.reason === 'string' && body.reason ? body.reason : 'cancelled from the API'));
  });
  app.get('/api/decisions', async (context) => {
    const thread = context.req.query('thread');
    return context.json(thread ? await desk.serverDeps.decisions.listByThread(thread) : await desk.serverDeps.decisions.listRecent(100));
  });
  app.get('/api/equity', async (context) => context.json(await loadEquity(desk.serverDeps)));
  app.get('/api/decisions/verify', async (context) => context.json(await desk.serverDeps.decisions.verify()));
  app.get('/api/threads/:id', async (context) => context.json({ threadId: context.req.param('id'), history: await desk.thread(context.req.param('id')) }));
  mountDashboard(app);
  mountMcpRoutes(app, desk);
  return app;
}
