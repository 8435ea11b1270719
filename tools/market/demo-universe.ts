import { DeskError, type BarSeries } from '../../core/index.ts';
import { formatIsoDate, parseIsoDate, shiftMonths } from './calendar.ts';
import { deriveSeed } from './random.ts';
import { generateSyntheticBars } from './synthetic.ts';

export interface DemoSymbol {
  symbol: string;
  initialPrice: number;
  annualDrift: number;
  annualVolatility: number;
}

/** The symbols of the synthetic demo market, with plausible (not historical) parameters. */
export const DEMO_UNIVERSE: ReadonlyArray<Readonly<DemoSymbol>> = Object.freeze([
  { symbol: 'AAPL', initialPrice: 26, annualDrift: 0.2, annualVolatility: 0.28 },
  { symbol: 'MSFT', initialPrice: 55, annualDrift: 0.18, annualVolatility: 0.25 },
  { symbol: 'NVDA', initialPrice: 8, annualDrift: 0.4, annualVolatility: 0.5 },
  { symbol: 'AMZN', initialPrice: 34, annualDrift: 0.17, annualVolatility: 0.32 },
  { symbol: 'GOOGL', initialPrice: 38, annualDrift: 0.15, annualVolatility: 0.28 },
  { symbol: 'META', initialPrice: 105, annualDrift: 0.16, annualVolatility: 0.38 },
  { symbol: 'JPM', initialPrice: 66, annualDrift: 0.12, annualVolatility: 0.26 },
  { symbol: 'TSLA', initialPrice: 16, annualDrift: 0.3, annualVolatility: 0.6 },
  { symbol: 'SPY', initialPrice: 204, annualDrift: 0.1, annualVolatility: 0.17 },
  { symbol: 'QQQ', initialPrice: 111, annualDrift: 0.14, annualVolatility: 0.22 },
].map((entry) => Object.freeze(entry)));

export interface DemoMarketOptions {
  seed: number;
  /** Last date, YYYY-MM-DD; default '2025-12-31'. */
  endDate?: string;
  /** Calendar years of history ending at endDate; default 10. */
  years?: number;
}

/**
 * Synthetic daily bars for every symbol of DEMO_UNIVERSE, each from its own seed derived from
 * `seed` and the symbol, so adding a symbol never changes the others.
 *
 * @example
 * const market = generateDemoMarket({ seed: 42 }); // 10 years to 2025-12-31
 * market.map((series) => series.symbol); // ['AAPL', 'MSFT', ...]
 */
export function generateDemoMarket(options: DemoMarketOptions): BarSeries[] {
  const endDate = options.endDate ?? '2025-12-31';
  const years = options.years ?? 10;
  if (!Number.isInteger(years) || years < 1) {
    throw new DeskError('invalid_input', `years must be a whole number >= 1 (got ${years})`, { field: 'years' });
  }
  parseIsoDate(endDate, 'endDate');
  // The day after "endDate minus years", so 10 years to 2025-12-31 starts on 2016-01-01.
  const startDate = nextDay(shiftMonths(endDate, -12 * years));
  return DEMO_UNIVERSE.map((entry) =>
    generateSyntheticBars({ ...entry, seed: deriveSeed(options.seed, entry.symbol), startDate, endDate }),
  );
}

function nextDay(date: string): string {
  return formatIsoDate(parseIsoDate(date, 'date') + 86_400_000);
}
