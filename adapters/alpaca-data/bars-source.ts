import { DeskError, type DateRange, type FetchBarsOptions, type FetchedBars, type MarketDataSource } from '../../core/index.ts';
import { validateBars, type CandidateBar } from '../../tools/market/index.ts';

export interface AlpacaCredentials {
  keyId: string;
  secretKey: string;
}

export interface AlpacaBarsOptions extends AlpacaCredentials {
  /** Default https://data.alpaca.markets. */
  baseUrl?: string;
  /** 'iex' (free) or 'sip'; default 'iex'. */
  feed?: string;
  /** Bars per page (Alpaca allows up to 10,000); default 10,000. */
  pageSize?: number;
  fetch?: typeof globalThis.fetch;
}

type WireBar = { t: string; o: number | null; h: number | null; l: number | null; c: number | null; v: number | null };
type BarsPage = { bars: WireBar[] | null; next_page_token: string | null };

/**
 * Credentials from APCA_API_KEY_ID and APCA_API_SECRET_KEY, or null when either is unset.
 * @example const credentials = alpacaCredentialsFromEnv(process.env);
 */
export function alpacaCredentialsFromEnv(env: Record<string, string | undefined>): AlpacaCredentials | null {
  const keyId = env.APCA_API_KEY_ID?.trim();
  const secretKey = env.APCA_API_SECRET_KEY?.trim();
  return keyId && secretKey ? { keyId, secretKey } : null;
}

/**
 * Daily bars from Alpaca's market data REST API (`GET /v2/stocks/{symbol}/bars?timeframe=1Day`),
 * following `next_page_token` until the range is complete, unadjusted (adjustment=raw). Progress
 * is reported after each page. 429, 5xx and network failures are DeskError('provider_error') with
 * `retryable: true`; 401/403/422 are not retryable.
 *
 * @example
 * const alpaca = createAlpacaBarsSource({ keyId, secretKey });
 * const { series } = await alpaca.fetchBars('AAPL', { from: '2025-01-01', to: '2025-06-30' });
 */
export function createAlpacaBarsSource(options: AlpacaBarsOptions): MarketDataSource {
  const baseUrl = options.baseUrl ?? 'https://data.alpaca.markets';
  const fetchImpl = options.fetch ?? globalThis.fetch;
  return {
    name: 'alpaca',
    network: true,
    fetchBars: async (symbol: string, range: DateRange, fetchOptions: FetchBarsOptions = {}): Promise<FetchedBars> => {
      if (range.from === undefined) throw new DeskError('invalid_input', 'alpaca needs range.from (YYYY-MM-DD)', { field: 'from' });
      const upper = symbol.trim().toUpperCase();
      const candidates: CandidateBar[] = [];
      let token: string | null = null;
      do {
        const url = new URL(`/v2/stocks/${encodeURIComponent(upper)}/bars`, baseUrl);
        const query: Record<string, string> = { timeframe: '1Day', start: range.from, adjustment: 'raw', feed: options.feed ?? 'iex', limit: String(options.pageSize ?? 10_000) };
        if (range.to !== undefined) query.end = range.to;
        if (token) query.page_token = token;
        url.search = new URLSearchParams(query).toString();
        const page = await getPage(fetchImpl, url, options, upper, fetchOptions.signal);
        for (const bar of page.bars ?? []) candidates.push(toCandidate(bar, candidates.length));
        fetchOptions.onProgress?.({ symbol: upper, phase: 'fetch', rows: candidates.length });
        token = page.next_page_token;
      } while (token);
      const { series, issues } = validateBars(upper, candidates);
      return { series, issues, rowsRead: candidates.length };
    },
  };
}

async function getPage(fetchImpl: typeof globalThis.fetch, url: URL, credentials: AlpacaCredentials, symbol: string, signal: AbortSignal | undefined): Promise<BarsPage> {
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { 'APCA-API-KEY-ID': credentials.keyId, 'APCA-API-SECRET-KEY': credentials.secretKey, accept: 'application/json' }, signal });
  } catch (error) {
    const aborted = (error as Error).name === 'AbortError';
    throw new DeskError('provider_error', `alpaca ${symbol}: ${aborted ? 'request aborted' : `network failure (${(error as Error).message})`}`, { source: 'alpaca', retryable: !aborted }, { cause: error });
  }
  if (!response.ok) {
    const text = await response.text();
    const retryable = response.status === 429 || response.status >= 500;
    throw new DeskError('provider_error', `alpaca ${symbol}: HTTP ${response.status} ${text.slice(0, 200)}`, { source: 'alpaca', status: response.status, retryable });
  }
  return (await response.json()) as BarsPage;
}

function toCandidate(bar: WireBar, index: number): CandidateBar {
  const number = (value: number | null | undefined) => (typeof value === 'number' ? value : Number.NaN);
  // Daily bars are stamped at midnight New York time (04:00 or 05:00 UTC): the UTC date is the trading date.
  return { index, date: bar.t.slice(0, 10), open: number(bar.o), high: number(bar.h), low: number(bar.l), close: number(bar.c), volume: number(bar.v) };
}
