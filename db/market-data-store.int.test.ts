import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDeskError, type BarSeries, type MarketDataStore } from '../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import { createMarketDataStore, type Database } from './index.ts';

/** `count` daily bars from 2016-01-01 with prices that need all of a double's digits. */
function series(symbol: string, count: number, offset = 0): BarSeries {
  const start = Date.UTC(2016, 0, 1);
  const dates = Array.from({ length: count }, (_, index) => new Date(start + index * 86_400_000).toISOString().slice(0, 10));
  const column = (shift: number) => Float64Array.from({ length: count }, (_, index) => 100 + shift + offset + index / 3);
  return { symbol, dates, open: column(0), high: column(1), low: column(-1), close: column(0.5), volume: Float64Array.from({ length: count }, (_, index) => 1_000_000 + index) };
}

describe.each(testDatabaseKinds)('the market data store on %s', (kind) => {
  let db: Database;
  let bars: MarketDataStore;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    bars = createMarketDataStore(db);
  });
  afterAll(async () => db?.close());

  it('returns stored bars oldest first, as Float64Array columns, exactly as written', async () => {
    const written = series('RT', 40);
    expect(await bars.upsertBars({ ...written, dates: [...written.dates].reverse(), close: written.close.slice().reverse(), open: written.open.slice().reverse(), high: written.high.slice().reverse(), low: written.low.slice().reverse(), volume: written.volume.slice().reverse() })).toBe(40);
    const read = await bars.getBars('rt');
    expect(read.symbol).toBe('RT');
    expect(read.close).toBeInstanceOf(Float64Array);
    expect(read).toEqual(written);
  });

  it('limits bars to an inclusive date range', async () => {
    await bars.upsertBars(series('RANGE', 10));
    const read = await bars.getBars('RANGE', { from: '2016-01-03', to: '2016-01-05' });
    expect(read.dates).toEqual(['2016-01-03', '2016-01-04', '2016-01-05']);
  });

  it('replaces bars of the same dates on a second upsert', async () => {
    await bars.upsertBars(series('UPD', 5));
    await bars.upsertBars(series('UPD', 3, 50));
    const read = await bars.getBars('UPD');
    expect(read.dates).toHaveLength(5);
    expect(Array.from(read.open.slice(0, 3))).toEqual(Array.from(series('UPD', 3, 50).open));
    expect(read.open[4]).toBe(series('UPD', 5).open[4]);
  });

  it('throws not_found naming the known symbols for an unknown symbol', async () => {
    const error = await bars.getBars('NOPE').catch((caught: unknown) => caught);
    expect(isDeskError(error, 'not_found')).toBe(true);
    expect((error as Error).message).toMatch(/^no bars for symbol NOPE; known symbols: .*RANGE, RT/);
  });

  it('lists symbols with their history and gives the latest close', async () => {
    const symbols = await bars.listSymbols();
    expect(symbols.find((info) => info.symbol === 'RANGE')).toEqual({ symbol: 'RANGE', firstDate: '2016-01-01', lastDate: '2016-01-10', bars: 10, lastClose: series('RANGE', 10).close[9] });
    expect(await bars.latestClose('RANGE')).toEqual({ date: '2016-01-10', close: series('RANGE', 10).close[9] });
    expect(await bars.latestClose('NONE')).toBeNull();
  });

  it('refuses columns of different lengths and non-finite prices', async () => {
    await expect(bars.upsertBars({ ...series('BAD', 3), close: new Float64Array(2) })).rejects.toThrow(/close has 2 values for 3 dates/);
    await expect(bars.upsertBars({ ...series('BAD', 3), high: Float64Array.from([1, Number.NaN, 2]) })).rejects.toThrow(/high on 2016-01-02 is NaN/);
  });

  it('loads 10 years of bars for 6 symbols (15,000 bars) in a few seconds', async () => {
    const started = performance.now();
    let written = 0;
    for (const symbol of ['S1', 'S2', 'S3', 'S4', 'S5', 'S6']) written += await bars.upsertBars(series(symbol, 2500));
    const elapsed = performance.now() - started;
    console.info(`bulk upsert of ${written} bars on ${kind}: ${Math.round(elapsed)} ms`);
    expect(written).toBe(15_000);
    expect(elapsed).toBeLessThan(10_000);
    expect((await bars.getBars('S6')).dates).toHaveLength(2500);
  });
});
