import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../core/index.ts';
import { openTestDesk } from '../../test-support/desk.ts';
import { createApp } from './app.ts';
import { DASHBOARD_CSP } from './dashboard.ts';
import { accountSummary, decisionsTable, equityChart, ordersTable, positionsTable, toDom } from './dashboard/render.js';
import { stringDocument } from './dashboard/string-dom.ts';

describe('the dashboard and the API routes it reads', () => {
  let desk: Awaited<ReturnType<typeof openTestDesk>>;
  let app: ReturnType<typeof createApp>;
  const headers = { authorization: 'Bearer dashboard-token', 'content-type': 'application/json' };
  const get = async (path: string) => (await app.request(path, { headers })).json() as Promise<any>;
  beforeAll(async () => {
    desk = await openTestDesk('embedded', { env: { DESK_API_TOKEN: 'dashboard-token' } });
    app = createApp(desk);
  });
  afterAll(async () => desk?.close());

  it('serves the page and its assets with a strict Content-Security-Policy, no token needed', async () => {
    const page = await app.request('/dashboard');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'/);
    expect(DASHBOARD_CSP).not.toMatch(/unsafe|\*|https?:/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/dashboard/app.js"></script>');
    expect(html).not.toMatch(/<script>|\sstyle=|\son[a-z]+=/);
    for (const [path, type] of [['/dashboard/app.js', 'text/javascript'], ['/dashboard/render.js', 'text/javascript'], ['/dashboard/style.css', 'text/css']]) {
      const asset = await app.request(path);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain(type);
      expect(asset.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
      // no CDN, no remote anything (the SVG namespace is a name, not a fetch)
      expect((await asset.text()).replace('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:\/\//);
    }
    const root = await app.request('/');
    expect([root.status, root.headers.get('location')]).toEqual([302, '/dashboard']);
  });

  it('keeps the token out of URLs and needs it for every API route the page reads', async () => {
    const script = readFileSync(join(import.meta.dirname, 'dashboard', 'app.js'), 'utf8');
    const routes = [...script.matchAll(/api\('(\/api\/[a-z]+)'\)/g)].map((match) => match[1]);
    expect(routes).toEqual(['/api/positions', '/api/orders', '/api/account', '/api/equity', '/api/decisions']);
    expect(script).toMatch(/sessionStorage\.setItem\(TOKEN_KEY/);
    expect(script).not.toMatch(/localStorage|[?&]token=|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    for (const route of routes) {
      expect((await app.request(route)).status).toBe(401);
      expect((await app.request(route, { headers })).status).toBe(200);
    }
  });

  it('computes equity by day from the fills and closes, ending at cash plus holdings at the last close', async () => {
    expect(await get('/api/equity')).toEqual({ startingCash: '1000000', marks: {}, points: [] });
    await app.request('/api/chat', { method: 'POST', headers, body: JSON.stringify({ message: 'buy 7 NVDA', threadId: 'dash-1' }) });
    const [equity, account, positions] = await Promise.all([get('/api/equity'), get('/api/account'), get('/api/positions')]);
    const last = equity.points.at(-1);
    expect(last.cash).toBe(Decimal.from(account.cash).toFixed(2));
    const close = Decimal.from(equity.marks.NVDA.close);
    expect(last.holdings).toBe(close.mul(Decimal.from('7')).toFixed(2));
    expect(last.equity).toBe(Decimal.from(account.cash).add(close.mul(Decimal.from('7'))).toFixed(2));
    expect(positions.positions.map((position: { symbol: string }) => position.symbol)).toEqual(['NVDA']);
  });

  it('renders what the API returns: positions, orders, account, equity and the decision log', async () => {
    const [equity, account, positions, orders, log] = await Promise.all([get('/api/equity'), get('/api/account'), get('/api/positions'), get('/api/orders'), get('/api/decisions')]);
    const html = (view: Parameters<typeof toDom>[0]) => toDom(view, stringDocument).outerHTML;
    expect(html(positionsTable(positions.positions, equity.marks))).toMatch(/<td>NVDA<\/td><td class="num">7<\/td>/);
    expect(html(ordersTable(orders.orders))).toMatch(/<td>NVDA<\/td><td class="side up">buy<\/td><td class="num">7<\/td><td>market<\/td><td class="status filled" title="">filled<\/td>/);
    expect(html(accountSummary(account, equity))).toContain(`<div class="label">Starting cash</div><div class="num">1,000,000.00</div>`);
    expect(html(equityChart(equity.points))).toMatch(/<figure>|the curve needs a second day/);
    const decisions = html(decisionsTable(log));
    expect(decisions).toMatch(/<td class="thread">dash-1<\/td><td>execution<\/td><td>order-placed<\/td><td class="summary">Bought 7 NVDA/);
    expect(decisions).toContain('<div class="verdict approve"');
  });
});
