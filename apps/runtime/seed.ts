import type { MarketDataStore } from '../../core/index.ts';
import { generateDemoMarket } from '../../tools/market/index.ts';

/**
 * Load the seeded synthetic demo market (10 years of daily bars per symbol) when the database
 * has no bars yet. Same seed, same bars.
 */
export async function seedDemoMarket(bars: MarketDataStore, seed: number): Promise<{ symbols: number; bars: number } | null> {
  if ((await bars.listSymbols()).length > 0) return null;
  let written = 0;
  const series = generateDemoMarket({ seed });
  for (const entry of series) written += await bars.upsertBars(entry);
  return { symbols: series.length, bars: written };
}
