import type pg from 'pg';
import { DeskError, ImportRunSchema, type AdjustedBarSeries, type BarImportStore, type ImportRun, type MergeCounts } from '../core/index.ts';
import type { Database } from './database.ts';
import { checkSeries } from './market-data-store.ts';
import { inTransaction, isoTimestamp } from './sql.ts';

/** Rows per statement: 8 parameters a row stays far below PostgreSQL's 65,535. */
const CHUNK_ROWS = 2000;

/**
 * Idempotent bar merges that say what changed, and the import_runs record.
 *
 * @example
 * const imports = createBarImportStore(db);
 * await imports.mergeBars(series); // { inserted: 250, updated: 0, unchanged: 0 }
 * await imports.mergeBars(series); // { inserted: 0, updated: 0, unchanged: 250 }
 */
export function createBarImportStore(db: Database): BarImportStore {
  return {
    mergeBars: (series, onStored) => mergeBars(db.pool, series, onStored),
    recordRun: (run) => recordRun(db.pool, run),
    listRuns: (filter) => listRuns(db.pool, filter ?? {}),
  };
}

/**
 * One transaction of INSERT … ON CONFLICT DO UPDATE … WHERE the row differs: a row comes back
 * only when written, and `xmax = 0` tells an insert from an update; the rest were unchanged.
 */
async function mergeBars(pool: pg.Pool, series: AdjustedBarSeries, onStored?: (rows: number) => void): Promise<MergeCounts> {
  checkSeries(series);
  const symbol = series.symbol.trim().toUpperCase();
  const counts: MergeCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (series.dates.length === 0) return counts;
  await inTransaction(pool, null, async (client) => {
    for (let start = 0; start < series.dates.length; start += CHUNK_ROWS) {
      const end = Math.min(start + CHUNK_ROWS, series.dates.length);
      const result = await client.query<{ inserted: boolean }>(mergeStatement(symbol, series, start, end));
      const inserted = result.rows.filter((row) => row.inserted).length;
      counts.inserted += inserted;
      counts.updated += result.rows.length - inserted;
      counts.unchanged += end - start - result.rows.length;
      onStored?.(end);
    }
  });
  return counts;
}

function mergeStatement(symbol: string, series: AdjustedBarSeries, start: number, end: number): { text: string; values: unknown[] } {
  const values: unknown[] = [symbol];
  const rows: string[] = [];
  for (let index = start; index < end; index += 1) {
    const base = values.length;
    values.push(series.dates[index], series.open[index], series.high[index], series.low[index], series.close[index], series.adjClose?.[index] ?? series.close[index], series.volume[index]);
    rows.push(`($1,$${base + 1}::date,$${base + 2}::float8,$${base + 3}::float8,$${base + 4}::float8,$${base + 5}::float8,$${base + 6}::float8,$${base + 7}::float8)`);
  }
  const text = `INSERT INTO bars AS stored (symbol, date, open, high, low, close, adj_close, volume) VALUES ${rows.join(',')}
    ON CONFLICT (symbol, date) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low,
      close = EXCLUDED.close, adj_close = EXCLUDED.adj_close, volume = EXCLUDED.volume
    WHERE (stored.open, stored.high, stored.low, stored.close, stored.adj_close, stored.volume)
      IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.adj_close, EXCLUDED.volume)
    RETURNING (xmax = 0) AS inserted`;
  return { text, values };
}

async function recordRun(pool: pg.Pool, run: ImportRun): Promise<void> {
  const parsed = ImportRunSchema.safeParse(run);
  if (!parsed.success) throw new DeskError('invalid_input', `import run ${run.id}: ${parsed.error.issues[0].message}`, { field: parsed.error.issues[0].path.join('.') });
  await pool.query(
    `INSERT INTO import_runs (id, source, symbol, range_from, range_to, status, rows_read, skipped, inserted, updated, unchanged, issues, error, started_at, finished_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
    [run.id, run.source, run.symbol, run.from, run.to, run.status, run.rowsRead, run.skipped, run.counts.inserted, run.counts.updated, run.counts.unchanged, JSON.stringify(run.issues), run.error, run.startedAt, run.finishedAt],
  );
}

type RunRow = {
  id: string; source: string; symbol: string; range_from: string | null; range_to: string | null; status: ImportRun['status'];
  rows_read: number; skipped: number; inserted: number; updated: number; unchanged: number; issues: ImportRun['issues']; error: string | null; started_at: Date; finished_at: Date;
};

async function listRuns(pool: pg.Pool, filter: { symbol?: string; limit?: number }): Promise<ImportRun[]> {
  const result = await pool.query<RunRow>(
    `SELECT id, source, symbol, range_from::text, range_to::text, status, rows_read, skipped, inserted, updated, unchanged, issues, error, started_at, finished_at
     FROM import_runs WHERE ($1::text IS NULL OR symbol = $1) ORDER BY started_at DESC, id DESC LIMIT $2`,
    [filter.symbol?.trim().toUpperCase() ?? null, filter.limit ?? 50],
  );
  return result.rows.map((row) => ({
    id: row.id, source: row.source, symbol: row.symbol, from: row.range_from, to: row.range_to, status: row.status,
    rowsRead: row.rows_read, skipped: row.skipped, counts: { inserted: row.inserted, updated: row.updated, unchanged: row.unchanged },
    issues: row.issues, error: row.error, startedAt: isoTimestamp(row.started_at), finishedAt: isoTimestamp(row.finished_at),
  }));
}
