import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDeskError } from '../../core/index.ts';
import { createNewsFeedClient } from './feed-client.ts';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>Nvidia beats estimates</title><link>http://127.0.0.1/nvda</link><pubDate>Wed, 11 Jun 2025 20:05:00 GMT</pubDate></item>
</channel></rss>`;

describe('news feed client (local HTTP server)', () => {
  let server: Server;
  let base: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(`${request.url} ${request.headers.accept?.split(',')[0]}`);
      if (request.url === '/feed.rss') response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS);
      else if (request.url === '/moved') response.writeHead(302, { location: '/feed.rss' }).end();
      else if (request.url === '/away') response.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data' }).end();
      else if (request.url === '/big') response.writeHead(200).end('x'.repeat(5000));
      else if (request.url === '/slow') setTimeout(() => response.writeHead(200).end(RSS), 500);
      else response.writeHead(404).end('no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('fetches an RSS feed (also after a redirect) and parses it, the channel title as source', async () => {
    const client = createNewsFeedClient({ allowedHosts: ['127.0.0.1'] });
    for (const path of ['/feed.rss', '/moved']) {
      const batch = await client.fetchFeed(`${base}${path}`);
      expect(batch.items).toMatchObject([{ headline: 'Nvidia beats estimates', source: 'Local Wire', publishedAt: '2025-06-11T20:05:00.000Z', tickers: ['NVDA'] }]);
    }
    expect(seen).toContain('/feed.rss application/rss+xml');
  });

  it('names the URL and the status of a failed fetch, a timeout and an oversized body', async () => {
    const client = createNewsFeedClient({ timeoutMs: 100, maxBytes: 1000 });
    await expect(client.fetchText(`${base}/missing`)).rejects.toThrow(new RegExp(`feed ${base}/missing answered HTTP 404`));
    await expect(client.fetchText(`${base}/slow`)).rejects.toThrow(/no answer within 100 ms/);
    await expect(client.fetchText(`${base}/big`)).rejects.toThrow(/more than the limit of 1000/);
  });

  it('refuses other schemes and hosts that are not allowed, before any request', async () => {
    const before = seen.length;
    const client = createNewsFeedClient({ allowedHosts: ['feeds.example.com'] });
    await expect(client.fetchText(`${base}/feed.rss`)).rejects.toThrow(/feed host 127.0.0.1 is not allowed \(allowed: feeds.example.com\)/);
    const error = await client.fetchText('file:///etc/passwd').catch((caught: unknown) => caught);
    expect(isDeskError(error, 'invalid_input')).toBe(true);
    expect(seen.length).toBe(before);
    const local = createNewsFeedClient({ allowedHosts: ['127.0.0.1'] });
    await expect(local.fetchText(`${base}/away`)).rejects.toThrow(/feed host 169.254.169.254 is not allowed/);
  });
});
