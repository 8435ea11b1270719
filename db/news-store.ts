import type pg from 'pg';
import { DeskError, NewsItemSchema, NewsScoreSchema, parseWith, type Clock, type NewsFilter, type NewsItem, type NewsScore, type NewsStore } from '../core/index.ts';
import type { Database } from './database.ts';
import { inTransaction, isoTimestamp, jsonParam } from './sql.ts';

const ITEM_COLUMNS = 'id, url, headline, body, source, published_at, tickers';

/**
 * News items and scores in Postgres (migration 008). An item is stored once: a second item with
 * the same content id or the same URL is reported as a duplicate of the stored one, never merged.
 *
 * @example
 * const news = createNewsStore(db, { clock });
 * const { inserted, duplicates } = await news.saveItems(batch.items);
 */
export function createNewsStore(db: Database, deps: { clock: Clock }): NewsStore {
  return {
    saveItems: async (items) => {
      const parsed = items.map((item, index) => parseWith(NewsItemSchema, item, `news item ${index + 1}`));
      return inTransaction(db.pool, null, async (client) => {
        const inserted: string[] = [];
        const duplicates: Array<{ id: string; existingId: string; by: 'url' | 'content' }> = [];
        const ingestedAt = deps.clock.now().toISOString();
        for (const item of parsed) {
          const existing = await findExisting(client, item);
          if (existing) {
            duplicates.push({ id: item.id, ...existing });
            continue;
          }
          await client.query(`INSERT INTO news_items (${ITEM_COLUMNS}, ingested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [item.id, item.url, item.headline, item.body, item.source, item.publishedAt, item.tickers, ingestedAt]);
          inserted.push(item.id);
        }
        return { inserted, duplicates };
      });
    },
    saveScores: async (scores) => {
      const parsed = scores.map((score, index) => parseWith(NewsScoreSchema, score, `news score ${index + 1}`));
      if (parsed.length === 0) return 0;
      await inTransaction(db.pool, null, async (client) => {
        for (const score of parsed) {
          await client.query(
            `INSERT INTO news_scores (item_id, scorer, sentiment_score, sentiment_label, drivers, event_type, event_confidence, scored_at)
             VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
             ON CONFLICT (item_id, scorer) DO UPDATE SET sentiment_score = EXCLUDED.sentiment_score, sentiment_label = EXCLUDED.sentiment_label,
               drivers = EXCLUDED.drivers, event_type = EXCLUDED.event_type, event_confidence = EXCLUDED.event_confidence, scored_at = EXCLUDED.scored_at`,
            [score.itemId, score.scorer, score.sentiment.score, score.sentiment.label, jsonParam(score.sentiment.drivers), score.event.type, score.event.confidence, score.scoredAt]);
        }
      });
      return parsed.length;
    },
    getItem: async (id) => {
      const result = await db.pool.query(`SELECT ${ITEM_COLUMNS} FROM news_items WHERE id = $1`, [id]);
      return result.rows[0] ? itemFromRow(result.rows[0]) : null;
    },
    listItems: async (filter = {}) => {
      const { where, params } = filterClause(filter);
      const limit = Math.min(Math.max(1, Math.floor(filter.limit ?? 100)), 10_000);
      const result = await db.pool.query(`SELECT ${ITEM_COLUMNS} FROM news_items ${where} ORDER BY published_at DESC, id LIMIT ${limit}`, params);
      return result.rows.map(itemFromRow);
    },
    listScored: async (filter = {}) => {
      const { where, params } = filterClause(filter);
      const limit = filter.limit === undefined ? '' : `LIMIT ${Math.max(1, Math.floor(filter.limit))}`;
      const items = (await db.pool.query(`SELECT ${ITEM_COLUMNS} FROM news_items ${where} ORDER BY published_at, id ${limit}`, params)).rows.map(itemFromRow);
      if (items.length === 0) return [];
      const scores = await db.pool.query(`SELECT * FROM news_scores WHERE item_id = ANY($1) ORDER BY scorer`, [items.map((item) => item.id)]);
      const byItem = new Map<string, NewsScore[]>();
      for (const row of scores.rows) byItem.set(row.item_id, [...(byItem.get(row.item_id) ?? []), scoreFromRow(row)]);
      return items.map((item) => ({ item, scores: byItem.get(item.id) ?? [] }));
    },
  };
}

async function findExisting(client: pg.PoolClient, item: NewsItem): Promise<{ existingId: string; by: 'url' | 'content' } | null> {
  const result = await client.query<{ id: string; url: string | null }>('SELECT id, url FROM news_items WHERE id = $1 OR (url IS NOT NULL AND url = $2) LIMIT 1', [item.id, item.url]);
  const row = result.rows[0];
  if (!row) return null;
  return { existingId: row.id, by: item.url !== null && row.url === item.url ? 'url' : 'content' };
}

/**
 * WHERE clause of a news filter: ticker (GIN on tickers) and published time, inclusive.
 */
function filterClause(filter: NewsFilter): { where: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const { from, to } = rangeBounds(filter);
  if (filter.symbol !== undefined) {
    params.push([filter.symbol.toUpperCase()]);
    conditions.push(`tickers @> $${params.length}::text[]`);
  }
  if (from !== undefined) {
    params.push(from);
    conditions.push(`published_at >= $${params.length}`);
  }
  if (to !== undefined) {
    params.push(to);
    conditions.push(`published_at <= $${params.length}`);
  }
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/**
 * A filter's time range as inclusive ISO instants (toISOString form, so they also compare as
 * text): a date `from` starts at that UTC midnight, a date `to` ends at its last millisecond.
 *
 * @example rangeBounds({ from: '2025-06-10', to: '2025-06-10' }) // { from: '2025-06-10T00:00:00.000Z', to: '2025-06-10T23:59:59.999Z' }
 */
export function rangeBounds(filter: Pick<NewsFilter, 'from' | 'to'>): { from?: string; to?: string } {
  return {
    from: filter.from === undefined ? undefined : instant(filter.from, 'from', 0),
    to: filter.to === undefined ? undefined : instant(filter.to, 'to', 86_400_000 - 1),
  };
}

function instant(value: string, field: 'from' | 'to', dayOffsetMs: number): string {
  const isDate = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = Date.parse(isDate ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value)) {
    throw new DeskError('invalid_input', `${field} must be YYYY-MM-DD or an ISO instant such as 2025-06-10T14:30:00Z (got ${JSON.stringify(value)})`, { field });
  }
  return new Date(isDate ? time + dayOffsetMs : time).toISOString();
}

function itemFromRow(row: Record<string, any>): NewsItem {
  return { id: row.id, url: row.url, headline: row.headline, body: row.body, source: row.source, publishedAt: isoTimestamp(row.published_at), tickers: row.tickers };
}

function scoreFromRow(row: Record<string, any>): NewsScore {
  return {
    itemId: row.item_id, scorer: row.scorer, scoredAt: isoTimestamp(row.scored_at),
    sentiment: { score: Number(row.sentiment_score), label: row.sentiment_label, drivers: row.drivers },
    event: { type: row.event_type, confidence: Number(row.event_confidence) },
  };
}
