import type pg from 'pg';
import { DeskError, type BarSeries, type DateRange, type MarketDataStore, type SymbolInfo } from '../core/index.ts';
import type { Database } from './database.ts';
import { inTransaction } from './sql.ts';

/** Rows per INSERT statement: 9 parameters a row stays far below PostgreSQL's 65,535. */
const CHUNK_ROWS = 1000;
const COLUMNS = ['open', 'high', 'low', 'close', 'volume'] as const;

/** A series may carry adjusted closes; without them adj_close is the close. */
export type StoredBarSeries = BarSeries & { adjClose?: Float64Array };

/**
 * Daily bars in the `bars` table. Upserts run in one transaction, in multi-row
 * INSERT … ON CONFLICT statements of CHUNK_ROWS rows.
 *
 * @example
 * const bars = createMarketDataStore(db);
 * await bars.upsertBars(series);
 * const { close } = await bars.getBars('AAPL', { from: '2024-01-01' });
 */
export function createMarketDataStore(db: Database): MarketDataStore {
  return {
    upsertBars: (series) => upsertBars(db.pool, series),
    getBars: (symbol, range) => getBars(db.pool, normaliseSymbol(symbol), range ?? {}),
    listSymbols: () => listSymbols(db.pool),
    latestClose: async (symbol) => {
      const result = await db.pool.query<{ date: string; close: number }>(
        'SELECT date::text AS date, close FROM bars WHERE symbol = $1 ORDER BY date DESC LIMIT 1', [normaliseSymbol(symbol)]);
      return result.rows[0] ?? null;
    },
  };
}

async function upsertBars(pool: pg.Pool, series: StoredBarSeries): Promise<number> {
  const symbol = normaliseSymbol(series.symbol);
  checkSeries(series);
  if (series.dates.length === 0) return 0;
  return inTransaction(pool, null, async (client) => {
    let written = 0;
    for (let start = 0; start < series.dates.length; start += CHUNK_ROWS) {
      const end = Math.min(start + CHUNK_ROWS, series.dates.length);
      const { text, values } = insertStatement(symbol, series, start, end);
      written += (await client.query(text, values)).rowCount ?? 0;
    }
    return written;
  });
}

function insertStatement(symbol: string, series: StoredBarSeries, start: number, end: number): { text: string; values: unknown[] } {
  const values: unknown[] = [symbol];
  const rows: string[] = [];
  for (let index = start; index < end; index += 1) {
    const base = values.length;
    values.push(series.dates[index], series.open[index], series.high[index], series.low[index], series.close[index], series.adjClose?.[index] ?? series.close[index], series.volume[index]);
    rows.push(`($1,$${base + 1},$${base + 2},$${base + 3},$${base + 4},$${base + 5},$${base + 6},$${base + 7})`);
  }
  const text = `INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume) VALUES ${rows.join(',')}
    ON CONFLICT (symbol, date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,
      close = EXCLUDED.close, adj_close = EXCLUDED.adj_close, volume = EXCLUDED.volume`;
  return { text, values };
}

/** Refuse columns of different lengths, non-finite values, malformed or repeated dates. */
export function checkSeries(series: StoredBarSeries): void {
  const length = series.dates.length;
  for (const column of [...COLUMNS, 'adjClose'] as const) {
    const values = series[column];
    if (values === undefined) continue;
    if (values.length !== length) {
      throw new DeskError('invalid_input', `bars of ${series.symbol}: ${column} has ${values.length} values for ${length} dates`, { field: column });
    }
    const bad = values.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) throw new DeskError('invalid_number', `bars of ${series.symbol}: ${column} on ${series.dates[bad]} is ${values[bad]}`, { field: column });
  }
  const seen = new Set<string>();
  for (const date of series.dates) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new DeskError('invalid_input', `bars of ${series.symbol}: date must be YYYY-MM-DD (got ${JSON.stringify(date)})`, { field: 'dates' });
    if (seen.has(date)) throw new DeskError('invalid_input', `bars of ${series.symbol}: date ${date} appears twice`, { field: 'dates' });
    seen.add(date);
  }
}

async function getBars(pool: pg.Pool, symbol: string, range: DateRange): Promise<BarSeries> {
  const result = await pool.query<[string, number, number, number, number, number]>({
    text: `SELECT date::text, open, high, low, close, volume FROM bars
      WHERE symbol = $1 AND ($2::date IS NULL OR date >= $2::date) AND ($3::date IS NULL OR date <= $3::date) ORDER BY date`,
    values: [symbol, range.from ?? null, range.to ?? null],
    rowMode: 'array',
  });
  if (result.rows.length === 0) await assertKnownSymbol(pool, symbol);
  const count = result.rows.length;
  const series: BarSeries = { symbol, dates: new Array<string>(count), open: new Float64Array(count), high: new Float64Array(count), low: new Float64Array(count), close: new Float64Array(count), volume: new Float64Array(count) };
  result.rows.forEach((row, index) => {
    series.dates[index] = row[0];
    series.open[index] = row[1];
    series.high[index] = row[2];
    series.low[index] = row[3];
    series.close[index] = row[4];
    series.volume[index] = row[5];
  });
  return series;
}

async function assertKnownSymbol(pool: pg.Pool, symbol: string): Promise<void> {
  const known = await pool.query<{ symbol: string }>('SELECT DISTINCT symbol FROM bars ORDER BY symbol');
  if (known.rows.some((row) => row.symbol === symbol)) return;
  const names = known.rows.map((row) => row.symbol);
  throw new DeskError('not_found', `no bars for symbol ${symbol}; known symbols: ${names.length ? names.join(', ') : '(none)'}`, { symbol, known: names });
}

async function listSymbols(pool: pg.Pool): Promise<SymbolInfo[]> {
  const result = await pool.query<{ symbol: string; first_date: string; last_date: string; bars: number; last_close: number }>(
    `SELECT symbol, min(date)::text AS first_date, max(date)::text AS last_date, count(*)::integer AS bars,
       (array_agg(close ORDER BY date DESC))[1] AS last_close
     FROM bars GROUP BY symbol ORDER BY symbol`);
  return result.rows.map((row) => ({ symbol: row.symbol, firstDate: row.first_date, lastDate: row.last_date, bars: row.bars, lastClose: row.last_close }));
}

function normaliseSymbol(symbol: string): string {
  return symbol.trim().toUpperCase();
}
