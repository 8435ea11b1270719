import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

/**
 * Serve a fetch handler (e.g. the Hono app) on 127.0.0.1 at a free port, for tests over real HTTP.
 * @example const http = await serveOnLoopback(createApp(desk).fetch); await fetch(`${http.base}/health`); http.close();
 */
export async function serveOnLoopback(fetch: (request: Request) => Response | Promise<Response>): Promise<{ base: string; close(): void }> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const instance = serve({ fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(instance));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
