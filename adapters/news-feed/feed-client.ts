import { DeskError } from '../../core/index.ts';
import { parseFeed, type NewsBatch, type NormalizeOptions } from '../../tools/news/index.ts';

const MAX_REDIRECTS = 5;
const FEED_HEADERS = { accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1', 'user-agent': 'agent-desk news-feed' };

export interface NewsFeedClientOptions {
  /** Host names the client may fetch from (e.g. ['feeds.example.com']); omitted: any host. */
  readonly allowedHosts?: readonly string[];
  /** Give up after this many milliseconds. Default 10 000. */
  readonly timeoutMs?: number;
  /** Refuse bodies larger than this. Default 5 MB. */
  readonly maxBytes?: number;
  /** HTTP implementation (tests pass none: the real fetch against a local server). */
  readonly fetch?: typeof fetch;
}

/** Fetches RSS/Atom feeds over HTTP(S) and parses them with tools/news. */
export interface NewsFeedClient {
  /** The feed's text as served, after the checks (scheme, host, status, size, time). */
  fetchText(url: string): Promise<string>;
  /** Fetch and parse; items without a source get the feed's title. */
  fetchFeed(url: string, options?: NormalizeOptions): Promise<NewsBatch>;
}

/**
 * A news feed client. Only http(s) URLs on allowed hosts; a non-2xx answer, a timeout or an
 * oversized body is a DeskError('parse_error' for content, 'invalid_input' for the URL) naming
 * the URL and what went wrong. Feed text is data: it is parsed, never followed.
 *
 * @example const batch = await createNewsFeedClient({ allowedHosts: ['feeds.example.com'] }).fetchFeed('https://feeds.example.com/markets.rss');
 */
export function createNewsFeedClient(options: NewsFeedClientOptions = {}): NewsFeedClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 5_000_000;
  const request = options.fetch ?? fetch;
  const fetchText = async (url: string): Promise<string> => {
    let target = checkUrl(url, options.allowedHosts);
    // Redirects are followed by hand so that every hop's host is checked before it is requested.
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const response = await send(request, target, timeoutMs);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        target = checkUrl(new URL(location, target).toString(), options.allowedHosts);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new DeskError('parse_error', `feed ${target} answered HTTP ${response.status} ${response.statusText}`, { url: target.toString(), status: response.status });
      }
      return readLimited(response, maxBytes, target);
    }
    throw new DeskError('parse_error', `feed ${url} redirected more than ${MAX_REDIRECTS} times`, { url });
  };
  return {
    fetchText,
    fetchFeed: async (url, normalize) => parseFeed(await fetchText(url), normalize),
  };
}

async function send(request: typeof fetch, target: URL, timeoutMs: number): Promise<Response> {
  try {
    return await request(target, { headers: FEED_HEADERS, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (error as Error).message;
    throw new DeskError('parse_error', `cannot fetch feed ${target}: ${reason}`, { url: target.toString() }, { cause: error });
  }
}

function checkUrl(url: string, allowedHosts: readonly string[] | undefined): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DeskError('invalid_input', `feed url ${JSON.stringify(url)} is not a valid URL`, { field: 'url' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DeskError('invalid_input', `feed url must be http or https (got ${parsed.protocol})`, { field: 'url' });
  }
  if (allowedHosts !== undefined && !allowedHosts.includes(parsed.hostname.toLowerCase())) {
    throw new DeskError('invalid_input', `feed host ${parsed.hostname} is not allowed (allowed: ${allowedHosts.join(', ') || 'none'})`, { field: 'url' });
  }
  return parsed;
}

async function readLimited(response: Response, maxBytes: number, target: URL): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new DeskError('parse_error', `feed ${target} is ${declared} bytes, more than the limit of ${maxBytes}`, { url: target.toString() });
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new DeskError('parse_error', `feed ${target} is more than the limit of ${maxBytes} bytes`, { url: target.toString() });
    chunks.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
