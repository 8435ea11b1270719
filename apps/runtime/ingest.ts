import { createAlpacaBarsSource } from '../../adapters/alpaca-data/bars-source.ts';
import { createCsvFileSource } from '../../adapters/csv-files/source.ts';
import { createYahooSource } from '../../adapters/yahoo/source.ts';
import type { Clock, IdSource, MarketDataSource, MarketDataStore } from '../../core/index.ts';
import { createBarImportStore, type Database } from '../../db/index.ts';
import type { MarketDataIngest } from '../../mcp-servers/index.ts';
import { createSyntheticSource, parseSchedule, refreshSymbols, startScheduler, type Scheduler } from '../../tools/market/index.ts';
import type { DeskConfig } from './config.ts';

/** Real waiting, for retries between provider calls. */
export const sleep = (delayMs: number) => new Promise<void>((resolve) => setTimeout(resolve, delayMs));

/**
 * The market-data sources configuration enables (synthetic always; Yahoo with DESK_YAHOO=1;
 * Alpaca with APCA_API_KEY_ID and APCA_API_SECRET_KEY), CSV files confined to the data directory,
 * and the import store.
 */
export function buildMarketDataIngest(db: Database, config: DeskConfig, clock: Clock, ids: IdSource): MarketDataIngest {
  const { marketData } = config;
  const sources: Record<string, MarketDataSource> = { synthetic: createSyntheticSource({ seed: config.seed }) };
  if (marketData.yahoo) sources.yahoo = createYahooSource({ baseUrl: marketData.yahoo.baseUrl });
  if (marketData.alpaca) sources.alpaca = createAlpacaBarsSource(marketData.alpaca);
  return {
    sources,
    openCsv: (file) => createCsvFileSource(file, { root: marketData.dataDir }),
    imports: createBarImportStore(db),
    clock,
    ids,
    sleep,
    refresh: { symbols: marketData.refresh.symbols, source: marketData.refresh.source },
  };
}

/**
 * Start the scheduled refresh when DESK_REFRESH_SCHEDULE is set (null otherwise): each run brings
 * the configured symbols (or every stored one) up to date and logs one line per symbol.
 */
export function startRefreshSchedule(ingest: MarketDataIngest, bars: MarketDataStore, config: DeskConfig, log: (line: string) => void): Scheduler | null {
  if (!config.marketData.refresh.schedule) return null;
  const schedule = parseSchedule(config.marketData.refresh.schedule);
  const timers = { setTimeout: (callback: () => void, delayMs: number) => setTimeout(callback, delayMs), clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout) };
  return startScheduler({
    schedule, clock: ingest.clock, timers,
    onError: (error) => log(`refresh failed: ${(error as Error).message}`),
    job: async () => {
      const symbols = ingest.refresh.symbols.length > 0 ? ingest.refresh.symbols : (await bars.listSymbols()).map((info) => info.symbol);
      const runs = await refreshSymbols({
        symbols, source: ingest.sources[ingest.refresh.source], lastStoredDate: async (symbol) => (await bars.latestClose(symbol))?.date ?? null,
      }, { store: ingest.imports, clock: ingest.clock, ids: ingest.ids, sleep: ingest.sleep });
      for (const run of runs) log(`refresh ${run.symbol} from ${run.source}: ${run.status}, ${run.counts.inserted} inserted, ${run.counts.updated} updated, ${run.skipped} skipped${run.error ? ` (${run.error})` : ''}`);
    },
  });
}
