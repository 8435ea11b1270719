import { DeskError } from '../../core/index.ts';
import { AlpacaErrorSchema } from './wire.ts';

export const ALPACA_PAPER_URL = 'https://paper-api.alpaca.markets';

export interface AlpacaHttpOptions {
  baseUrl: string;
  keyId: string;
  secretKey: string;
  /** Per-request timeout; a request that takes longer fails as broker_unavailable. */
  timeoutMs: number;
  /** Now, for an HTTP-date Retry-After (defaults to the wall clock). */
  now: () => Date;
  fetch: typeof fetch;
}

export interface AlpacaResponse { status: number; body: unknown }

/**
 * One request to Alpaca with the key headers. Returns 2xx and 404 responses; every other outcome
 * is a DeskError: 401 config_error; 403/422 broker_rejected with Alpaca's code and message;
 * 429, 5xx, timeouts and network failures broker_unavailable with `retryable: true` (and
 * `retryAfterMs` from Retry-After). The keys never appear in an error or a log line.
 */
export async function alpacaRequest(options: AlpacaHttpOptions, method: string, path: string, body?: unknown): Promise<AlpacaResponse> {
  const where = `${method} ${path.split('?')[0]}`;
  let response: Response;
  try {
    response = await options.fetch(`${options.baseUrl}${path}`, {
      method,
      headers: {
        'APCA-API-KEY-ID': options.keyId,
        'APCA-API-SECRET-KEY': options.secretKey,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const reason = timedOut ? `timed out after ${options.timeoutMs} ms` : `failed: ${networkReason(error)}`;
    throw new DeskError('broker_unavailable', `alpaca ${where} ${reason}`, { broker: 'alpaca', method, path: where, retryable: true, kind: timedOut ? 'timeout' : 'network' }, { cause: error });
  }
  const text = await readText(response, where, options.timeoutMs);
  const parsed = text === '' ? undefined : safeJson(text);
  if ((response.status >= 200 && response.status < 300) || response.status === 404) return { status: response.status, body: parsed };
  throw statusError(response, parsed, where, options.now());
}

function statusError(response: Response, body: unknown, where: string, now: Date): DeskError {
  const status = response.status;
  const alpaca = AlpacaErrorSchema.safeParse(body);
  const message = alpaca.success ? alpaca.data.message : `HTTP ${status}`;
  const code = alpaca.success ? alpaca.data.code : undefined;
  const details = { broker: 'alpaca', method: where, status, alpacaCode: code };
  if (status === 401) {
    return new DeskError('config_error', `alpaca refused the API keys (401 on ${where}): check APCA_API_KEY_ID and APCA_API_SECRET_KEY`, details);
  }
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
    const what = status === 429 ? 'rate limited' : `failed with ${status}`;
    return new DeskError('broker_unavailable', `alpaca ${where} ${what}: ${message}`, { ...details, retryable: true, kind: status === 429 ? 'rate_limited' : 'server_error', retryAfterMs });
  }
  const label = code === undefined ? `${status}` : `${status} ${code}`;
  return new DeskError('broker_rejected', `alpaca refused ${where} (${label}): ${message}`, { ...details, retryable: false });
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: Date): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

async function readText(response: Response, where: string, timeoutMs: number): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw new DeskError('broker_unavailable', `alpaca ${where} dropped the response body: ${networkReason(error)}`, { broker: 'alpaca', method: where, retryable: true, kind: 'network', timeoutMs }, { cause: error });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ?? cause.message;
  return String(cause);
}
