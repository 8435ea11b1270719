import YahooFinance from 'yahoo-finance2';
import { DeskError, type DateRange, type FetchBarsOptions, type FetchedBars, type MarketDataSource } from '../../core/index.ts';
import { validateBars, type CandidateBar } from '../../tools/market/index.ts';

export interface YahooSourceOptions {
  /** Where to send requests instead of https://query2.finance.yahoo.com (a local fake in tests). */
  baseUrl?: string;
  /** The fetch to use; default the platform's. */
  fetch?: typeof globalThis.fetch;
}

type ChartQuote = { date: Date; open: number | null; high: number | null; low: number | null; close: number | null; volume: number | null; adjclose?: number | null };
const DAY_MS = 86_400_000;

/**
 * Daily bars from Yahoo Finance's chart API through yahoo-finance2. `range.from` is required and
 * `range.to` inclusive. Missing values (Yahoo's nulls) become non-finite cells that validation
 * reports by date and row. HTTP 429/5xx and network failures are DeskError('provider_error') with
 * `retryable: true`; other 4xx (unknown symbol) are not retryable.
 *
 * @example
 * const yahoo = createYahooSource();
 * const { series } = await yahoo.fetchBars('AAPL', { from: '2025-01-01', to: '2025-06-30' });
 */
export function createYahooSource(options: YahooSourceOptions = {}): MarketDataSource {
  const client = new YahooFinance({
    fetch: redirectingFetch(options.fetch ?? globalThis.fetch, options.baseUrl),
    versionCheck: false,
    suppressNotices: ['yahooSurvey'],
    validation: { logErrors: false, logOptionsErrors: false },
    logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {}, dir: () => {} },
  });
  return {
    name: 'yahoo',
    network: true,
    fetchBars: async (symbol: string, range: DateRange, fetchOptions: FetchBarsOptions = {}): Promise<FetchedBars> => {
      if (range.from === undefined) throw new DeskError('invalid_input', 'yahoo needs range.from (YYYY-MM-DD)', { field: 'from' });
      const upper = symbol.trim().toUpperCase();
      const period2 = range.to === undefined ? undefined : new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS);
      const result = await client.chart(upper, { period1: range.from, ...(period2 ? { period2 } : {}), interval: '1d' }, { fetchOptions: { signal: fetchOptions.signal } } as never)
        .catch((error: unknown) => { throw providerError(upper, error); });
      const offsetMs = (result.meta.gmtoffset ?? 0) * 1000;
      const candidates = (result.quotes as ChartQuote[]).map((quote, index) => toCandidate(quote, index, offsetMs));
      fetchOptions.onProgress?.({ symbol: upper, phase: 'fetch', rows: candidates.length, total: candidates.length });
      const { series, issues } = validateBars(upper, candidates);
      return { series, issues, rowsRead: candidates.length };
    },
  };
}

function toCandidate(quote: ChartQuote, index: number, offsetMs: number): CandidateBar {
  const number = (value: number | null | undefined) => (value === null || value === undefined ? Number.NaN : value);
  const candidate: CandidateBar = {
    index,
    // The exchange's local date of the bar (timestamps are the session's open in UTC).
    date: new Date(quote.date.getTime() + offsetMs).toISOString().slice(0, 10),
    open: number(quote.open), high: number(quote.high), low: number(quote.low), close: number(quote.close), volume: number(quote.volume),
  };
  if (quote.adjclose !== undefined) candidate.adjClose = number(quote.adjclose);
  return candidate;
}

/** yahoo-finance2 builds https://query2.finance.yahoo.com URLs; send them to `baseUrl` instead. */
function redirectingFetch(fetchImpl: typeof globalThis.fetch, baseUrl: string | undefined): typeof globalThis.fetch {
  if (baseUrl === undefined) return fetchImpl;
  return (input, init) => {
    const original = new URL(input instanceof Request ? input.url : String(input));
    return fetchImpl(new URL(original.pathname + original.search, baseUrl), init);
  };
}

function providerError(symbol: string, error: unknown): DeskError {
  if (error instanceof DeskError) return error;
  const status = typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : undefined;
  const name = (error as Error).name;
  if (name === 'AbortError') return new DeskError('provider_error', `yahoo ${symbol}: request aborted`, { source: 'yahoo', retryable: false }, { cause: error });
  const notFound = name === 'NotFoundError' || status === 404;
  // Network failures (fetch TypeError), 429 and 5xx may pass on a second try.
  const retryable = !notFound && (status === undefined ? error instanceof TypeError : status === 429 || status >= 500);
  const message = notFound ? `yahoo has no data for ${symbol} (unknown or delisted symbol)` : `yahoo ${symbol}: ${status ? `HTTP ${status} ` : ''}${(error as Error).message}`;
  return new DeskError('provider_error', message, { source: 'yahoo', status, retryable }, { cause: error });
}
