import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';

/**
 * The dashboard's Content-Security-Policy: scripts, styles and API calls from this origin only,
 * no inline code, no plugins, no framing, no form posts anywhere.
 */
export const DASHBOARD_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const ASSETS = [
  { path: '/dashboard', file: 'index.html', type: 'text/html; charset=utf-8' },
  { path: '/dashboard/app.js', file: 'app.js', type: 'text/javascript; charset=utf-8' },
  { path: '/dashboard/render.js', file: 'render.js', type: 'text/javascript; charset=utf-8' },
  { path: '/dashboard/style.css', file: 'style.css', type: 'text/css; charset=utf-8' },
] as const;

/**
 * Serve the static dashboard (GET /dashboard, and / redirects there). The page holds no data: it
 * reads the API with the bearer token the user types in, so the API's auth applies unchanged.
 * @example mountDashboard(app);
 */
export function mountDashboard(app: Hono): void {
  const folder = join(import.meta.dirname, 'dashboard');
  for (const asset of ASSETS) {
    const body = readFileSync(join(folder, asset.file), 'utf8');
    app.get(asset.path, (context) => context.body(body, 200, {
      'content-type': asset.type,
      'content-security-policy': DASHBOARD_CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    }));
  }
  app.get('/', (context) => context.redirect('/dashboard'));
}
