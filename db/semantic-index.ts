import type pg from 'pg';
import { DeskError, type Decision, type DecisionSearchHit, type NewsFilter, type NewsItem, type NewsSearchHit, type SemanticIndex, type TextEmbedder } from '../core/index.ts';
import type { Database } from './database.ts';
import { decisionFromRow } from './decision-rows.ts';
import { rangeBounds } from './news-store.ts';
import { inTransaction, isoTimestamp, jsonParam } from './sql.ts';

export interface SemanticIndexOptions {
  embedder: TextEmbedder;
  /** The searchable text and tickers of a decision (apps wire tools/signals decisionText/decisionSymbols). */
  describeDecision: (decision: Decision) => { text: string; symbols: string[] };
  /** HNSW candidate list size per query (pgvector hnsw.ef_search). Default 200: recall@10 0.954 at p95 6.8 ms on 100k documents (bench/news). */
  efSearch?: number;
}

const INSERT_BATCH = 500;
const MAX_RESULTS = 100;

/**
 * Semantic memory in the `documents` table (migration 004, pgvector vector(256) with an HNSW
 * cosine index): news items as kind 'news' (same id as news_items), agent decisions as kind
 * 'decision'. Each vector records its embedder; searches compare only vectors of the same one.
 * Filters (ticker, time, thread) run inside the index scan with pgvector's iterative scan, so a
 * selective filter still returns up to `limit` hits.
 *
 * Without pgvector (a server that lacks the extension) nothing is stored: indexNews returns 0,
 * indexDecision false, and searches throw DeskError('config_error') saying semantic search is off.
 *
 * @example
 * const index = createSemanticIndex(db, { embedder: createHashingTextEmbedder(), describeDecision });
 * await index.indexNews(items);
 * const hits = await index.searchNews('chip export restrictions', { symbol: 'NVDA', limit: 5 });
 */
export function createSemanticIndex(db: Database, options: SemanticIndexOptions): SemanticIndex & { indexDecisions(decisions: Decision[]): Promise<number> } {
  const { embedder } = options;
  const efSearch = options.efSearch ?? 200;
  const status = { enabled: db.vector.enabled, reason: db.vector.enabled ? null : db.vector.reason };
  const requireVector = () => {
    if (!status.enabled) throw new DeskError('config_error', `semantic search is off: ${status.reason ?? 'pgvector is not installed'}. Use the embedded database (no DATABASE_URL) or install pgvector on the server.`);
  };
  const store = async (documents: StoredDocument[]): Promise<number> => {
    if (!status.enabled || documents.length === 0) return 0;
    const vectors = await embedder.embed(documents.map((document) => document.text));
    checkVectors(vectors, documents.length, embedder);
    for (let start = 0; start < documents.length; start += INSERT_BATCH) {
      await insertDocuments(db.pool, documents.slice(start, start + INSERT_BATCH), vectors.slice(start, start + INSERT_BATCH), embedder.name);
    }
    return documents.length;
  };
  const nearest = async (query: string, kind: 'news' | 'decision', filter: NewsFilter & { threadId?: string }) => {
    requireVector();
    const [vector] = await embedder.embed([query]);
    checkVectors([vector], 1, embedder);
    return nearestDocuments(db.pool, { kind, vector, embedder: embedder.name, filter, efSearch });
  };
  const indexDecisions = (decisions: Decision[]) => store(decisions.map((decision) => decisionDocument(decision, options.describeDecision(decision))));
  return {
    status,
    indexNews: (items) => store(items.map(newsDocument)),
    indexDecision: async (decision) => (await indexDecisions([decision])) === 1,
    indexDecisions,
    searchNews: async (query, filter = {}) => {
      const found = await nearest(query, 'news', filter);
      if (found.length === 0) return [];
      const rows = await db.pool.query('SELECT id, url, headline, body, source, published_at, tickers FROM news_items WHERE id = ANY($1)', [found.map((hit) => hit.id)]);
      const items = new Map(rows.rows.map((row) => [row.id as string, { id: row.id, url: row.url, headline: row.headline, body: row.body, source: row.source, publishedAt: isoTimestamp(row.published_at), tickers: row.tickers } satisfies NewsItem]));
      return found.flatMap((hit): NewsSearchHit[] => {
        const item = items.get(hit.id);
        return item ? [{ item, similarity: hit.similarity }] : [];
      });
    },
    searchDecisions: async (query, filter = {}) =>
      (await nearest(query, 'decision', filter)).map((hit): DecisionSearchHit => ({
        decisionId: hit.id, threadId: String(hit.metadata.threadId), agent: String(hit.metadata.agent), kind: String(hit.metadata.kind),
        createdAt: String(hit.metadata.at), symbols: hit.metadata.symbols as string[], text: hit.body, similarity: hit.similarity,
      })),
  };
}

/**
 * Index every logged decision that has no vector yet, oldest first, in pages; returns how many
 * were indexed (0 without pgvector). Run once after enabling semantic memory on an existing desk.
 *
 * @example await backfillDecisionIndex(db, index) // 42
 */
export async function backfillDecisionIndex(db: Database, index: SemanticIndex & { indexDecisions?(decisions: Decision[]): Promise<number> }, pageSize = 200): Promise<number> {
  if (!index.status.enabled) return 0;
  let total = 0;
  for (;;) {
    const page = await db.pool.query(`SELECT d.* FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM documents o WHERE o.id = d.id) ORDER BY d.sequence LIMIT $1`, [pageSize]);
    if (page.rows.length === 0) return total;
    const decisions = page.rows.map(decisionFromRow);
    if (index.indexDecisions) total += await index.indexDecisions(decisions);
    else for (const decision of decisions) total += (await index.indexDecision(decision)) ? 1 : 0;
  }
}

interface StoredDocument {
  id: string;
  kind: 'news' | 'decision';
  title: string;
  text: string;
  metadata: { symbols: string[]; at: string } & Record<string, unknown>;
}

function newsDocument(item: NewsItem): StoredDocument {
  return { id: item.id, kind: 'news', title: item.headline, text: item.body === '' ? item.headline : `${item.headline}\n${item.body}`, metadata: { symbols: item.tickers, at: item.publishedAt, source: item.source } };
}

function decisionDocument(decision: Decision, described: { text: string; symbols: string[] }): StoredDocument {
  return {
    id: decision.id, kind: 'decision', title: `${decision.agent} ${decision.kind} in ${decision.threadId}`, text: described.text,
    metadata: { symbols: described.symbols, at: decision.createdAt, threadId: decision.threadId, agent: decision.agent, kind: decision.kind },
  };
}

/** pgvector's text form of a vector: '[0.1,0.2,...]'. */
export function vectorLiteral(vector: Float32Array): string {
  return `[${Array.from(vector).join(',')}]`;
}

async function insertDocuments(pool: pg.Pool, documents: StoredDocument[], vectors: Float32Array[], embedderName: string): Promise<void> {
  await pool.query(
    `INSERT INTO documents (id, kind, title, body, metadata, embedding)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::vector[])
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, metadata = EXCLUDED.metadata, embedding = EXCLUDED.embedding`,
    [
      documents.map((document) => document.id), documents.map((document) => document.kind), documents.map((document) => document.title),
      documents.map((document) => document.text), documents.map((document) => jsonParam({ ...document.metadata, embedder: embedderName })),
      vectors.map(vectorLiteral),
    ],
  );
}

export interface DocumentHit { id: string; body: string; metadata: Record<string, unknown>; similarity: number }

/**
 * The `limit` documents of `kind` nearest to `vector` (cosine), most similar first, with the
 * filters of `filter`. Uses the HNSW index (approximate, `efSearch` candidates) unless `exact`,
 * which scans every matching row; benchmarks compare the two.
 *
 * @example await nearestDocuments(db.pool, { kind: 'news', vector, embedder: 'hashing-256-v1', filter: { limit: 10 }, efSearch: 100 })
 */
export async function nearestDocuments(pool: pg.Pool, request: { kind: string; vector: Float32Array; embedder: string; filter: NewsFilter & { threadId?: string }; efSearch: number; exact?: boolean }): Promise<DocumentHit[]> {
  const { filter } = request;
  const limit = Math.min(Math.max(1, Math.floor(filter.limit ?? 10)), MAX_RESULTS);
  const params: unknown[] = [vectorLiteral(request.vector), request.kind, request.embedder];
  const conditions = ['kind = $2', `metadata->>'embedder' = $3`];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  const { from, to } = rangeBounds(filter);
  if (filter.symbol !== undefined) add((p) => `metadata->'symbols' ? ${p}`, filter.symbol.toUpperCase());
  if (from !== undefined) add((p) => `metadata->>'at' >= ${p}`, from);
  if (to !== undefined) add((p) => `metadata->>'at' <= ${p}`, to);
  if (filter.threadId !== undefined) add((p) => `metadata->>'threadId' = ${p}`, filter.threadId);
  return inTransaction(pool, null, async (client) => {
    await client.query(`SET LOCAL hnsw.ef_search = ${Math.max(limit, Math.floor(request.efSearch))}`);
    // Filters are applied while walking the graph; relaxed order is re-sorted by the outer query.
    await client.query(`SET LOCAL hnsw.iterative_scan = relaxed_order`);
    // Embedded PGlite runs no autovacuum, so row estimates stay stale and the planner would sort
    // a full scan instead of walking the index: pick the plan explicitly.
    await client.query(request.exact ? 'SET LOCAL enable_indexscan = off' : 'SET LOCAL enable_seqscan = off');
    const result = await client.query(
      `WITH nearest AS MATERIALIZED (
         SELECT id, body, metadata, embedding <=> $1::vector AS distance FROM documents
         WHERE ${conditions.join(' AND ')} ORDER BY embedding <=> $1::vector LIMIT ${limit})
       SELECT id, body, metadata, distance FROM nearest ORDER BY distance, id`, params);
    return result.rows.map((row) => ({ id: row.id, body: row.body, metadata: row.metadata, similarity: 1 - Number(row.distance) }));
  });
}

function checkVectors(vectors: Float32Array[], expected: number, embedder: TextEmbedder): void {
  if (vectors.length !== expected || vectors.some((vector) => vector.length !== 256)) {
    throw new DeskError('config_error', `embedder ${embedder.name} must return ${expected} vectors of 256 numbers (the documents.embedding column is vector(256)); got ${vectors.length} of ${vectors[0]?.length ?? 0}`);
  }
}
