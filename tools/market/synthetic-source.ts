import type { DateRange, FetchBarsOptions, FetchedBars, MarketDataSource } from '../../core/index.ts';
import { candidatesFromSeries, validateBars } from './validate-bars.ts';
import { DEMO_UNIVERSE } from './demo-universe.ts';
import { deriveSeed } from './random.ts';
import { sliceSeries } from './series.ts';
import { generateSyntheticBars } from './synthetic.ts';

const FIRST_DATE = '2016-01-01';
const LAST_DEFAULT_DATE = '2025-12-31';
/** Parameters for a symbol outside the demo universe. */
const DEFAULT_PARAMETERS = { initialPrice: 50, annualDrift: 0.08, annualVolatility: 0.3 };

/**
 * The seeded synthetic market as a source: every path starts on 2016-01-01 from the seed derived
 * from (seed, symbol), so its bars up to 2025-12-31 are exactly the seeded demo market's, and a
 * range reaching past that date extends the same path. Symbols outside the demo universe get
 * generic parameters. Without a range: 2016-01-01 to 2025-12-31.
 *
 * @example
 * const { series } = await createSyntheticSource({ seed: 42 }).fetchBars('AAPL', { from: '2025-12-01' });
 */
export function createSyntheticSource(options: { seed: number }): MarketDataSource {
  return {
    name: 'synthetic',
    network: false,
    fetchBars: async (symbol: string, range: DateRange, fetchOptions: FetchBarsOptions = {}): Promise<FetchedBars> => {
      fetchOptions.signal?.throwIfAborted();
      const upper = symbol.trim().toUpperCase();
      const parameters = DEMO_UNIVERSE.find((entry) => entry.symbol === upper) ?? DEFAULT_PARAMETERS;
      const endDate = range.to !== undefined && range.to > LAST_DEFAULT_DATE ? range.to : LAST_DEFAULT_DATE;
      const full = generateSyntheticBars({ ...parameters, symbol: upper, seed: deriveSeed(options.seed, upper), startDate: FIRST_DATE, endDate });
      const sliced = sliceSeries(full, { from: range.from, to: range.to ?? LAST_DEFAULT_DATE });
      fetchOptions.onProgress?.({ symbol: upper, phase: 'fetch', rows: sliced.dates.length, total: sliced.dates.length });
      const { series, issues } = validateBars(upper, candidatesFromSeries(sliced));
      return { series, issues, rowsRead: sliced.dates.length };
    },
  };
}
