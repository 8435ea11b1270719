/**
 * News and semantic memory: news items parsed and scored per second; documents embedded and
 * stored per second in the embedded database (HNSW index maintained, then bulk); vector search
 * over N stored documents: recall@10 of HNSW against an exact scan, and p50/p95 latency per
 * hnsw.ef_search. N from `--docs=N` or NEWS_BENCH_DOCS (default 100 000; building takes minutes),
 * index shape from `--m=16 --ef-construction=64` (the migration's defaults).
 */
import { createRng } from '../tools/market/index.ts';
import { migrate, nearestDocuments, openDatabase, createSemanticIndex, type Database } from '../db/index.ts';
import type { NewsItem } from '../core/index.ts';
import { newsId, parseJsonLines } from '../tools/news/index.ts';
import { createHashingTextEmbedder, decisionSymbols, decisionText, scoreText, HASHING_EMBEDDER_NAME } from '../tools/signals/index.ts';
import { describeLatencies, percentile } from './stats.ts';

const COMPANIES = ['Apple', 'Microsoft', 'Nvidia', 'Amazon', 'Alphabet', 'Meta', 'JPMorgan', 'Tesla', 'Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises'];
const TOPICS = ['quarterly earnings', 'cloud revenue', 'chip exports', 'antitrust probe', 'dividend increase', 'share buyback', 'new product launch', 'CEO succession', 'guidance cut', 'analyst upgrade', 'supply chain', 'data center demand', 'interest rates', 'labor strike', 'patent lawsuit', 'merger talks', 'store closures', 'advertising slowdown', 'battery recall', 'subscription growth'];
const VERBS = ['beat estimates on', 'missed forecasts for', 'warned about', 'raised its outlook for', 'faces questions over', 'reported strong', 'cut spending on', 'expanded', 'settled a dispute over', 'announced'];
const WORDS = 'margin revenue profit loss outlook guidance regulators investors shares rally slump europe asia china growth decline record weak strong demand supply costs inflation tariffs quarter annual board deal acquisition bid offer lawsuit court fine recall launch chip cloud ai software hardware retail consumer energy oil bank credit loan deposit'.split(' ');

function option(name: string, fallback: number): number {
  const argument = process.argv.find((entry) => entry.startsWith(`--${name}=`));
  const raw = argument?.split('=')[1] ?? process.env[`NEWS_BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  return raw === undefined ? fallback : Number(raw);
}

/** Seeded synthetic news: a company, a verb, a topic and a random tail of finance words. */
function generateNews(count: number, seed: number): NewsItem[] {
  const random = createRng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, index) => {
    const headline = `${pick(COMPANIES)} ${pick(VERBS)} ${pick(TOPICS)}`;
    const body = Array.from({ length: 12 + Math.floor(random() * 20) }, () => pick(WORDS)).join(' ') + ` (${index})`;
    const publishedAt = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 180 * 86_400_000)).toISOString();
    return { id: newsId(headline, body), url: null, headline, body, source: pick(['Wire', 'Blog', 'Daily']), publishedAt, tickers: [] };
  });
}

function rate(count: number, milliseconds: number): string {
  return `${Math.round(count / (milliseconds / 1000)).toLocaleString('en-US')} per second (n=${count.toLocaleString('en-US')}, ${(milliseconds / 1000).toFixed(1)} s)`;
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

export default async function bench(): Promise<void> {
  const documents = option('docs', 100_000);
  const queries = option('queries', 200);
  const m = option('m', 16);
  const efConstruction = option('ef-construction', 64);

  const sample = generateNews(20_000, 1);
  const jsonl = sample.map((item) => JSON.stringify({ headline: item.headline, body: item.body, source: item.source, published: item.publishedAt })).join('\n');
  const [, parseMs] = await timed(() => parseJsonLines(jsonl));
  console.log(`${'news parsed + normalised (JSON lines)'.padEnd(40)} ${rate(sample.length, parseMs)}`);
  const [, scoreMs] = await timed(() => sample.forEach((item) => scoreText(`${item.headline}. ${item.body}`)));
  console.log(`${'news scored (sentiment + event)'.padEnd(40)} ${rate(sample.length, scoreMs)}`);

  const db = await openDatabase({ memory: true });
  try {
    await migrate(db);
    await db.pool.query(`SET maintenance_work_mem = '1GB'`);
    await loadDocuments(db, documents, m, efConstruction);
    await measureSearch(db, queries);
  } finally {
    await db.close();
  }
}

async function loadDocuments(db: Database, count: number, m: number, efConstruction: number): Promise<void> {
  const index = createSemanticIndex(db, { embedder: createHashingTextEmbedder(), describeDecision: (decision) => ({ text: decisionText(decision), symbols: decisionSymbols(decision) }) });
  const items = generateNews(count, 2);
  const embedder = createHashingTextEmbedder();
  const [, embedMs] = await timed(() => embedder.embed(items.slice(0, 10_000).map((item) => `${item.headline}\n${item.body}`)));
  console.log(`${'documents embedded (256-d hashing)'.padEnd(40)} ${rate(Math.min(10_000, count), embedMs)}`);
  // The desk's path: indexNews with the migration's HNSW index maintained on every insert.
  const live = Math.min(10_000, count);
  const [, liveMs] = await timed(async () => { for (let start = 0; start < live; start += 1_000) await index.indexNews(items.slice(start, start + 1_000)); });
  console.log(`${'embedded + stored, HNSW maintained'.padEnd(40)} ${rate(live, liveMs)}`);
  if (count > live) {
    // A bulk load is faster without the index: drop it, load, then build it once.
    await db.pool.query('DROP INDEX documents_embedding_idx');
    const [, bulkMs] = await timed(async () => { for (let start = live; start < count; start += 2_000) await index.indexNews(items.slice(start, start + 2_000)); });
    console.log(`${'embedded + stored, bulk (no index)'.padEnd(40)} ${rate(count - live, bulkMs)}`);
    const [, buildMs] = await timed(() => db.pool.query(`CREATE INDEX documents_embedding_idx ON documents USING hnsw (embedding vector_cosine_ops) WITH (m = ${m}, ef_construction = ${efConstruction})`));
    console.log(`${'HNSW index build'.padEnd(40)} ${(buildMs / 1000).toFixed(1)} s for ${count.toLocaleString('en-US')} documents (m=${m}, ef_construction=${efConstruction})`);
  } else {
    console.log(`HNSW index: the migration's (m=16, ef_construction=64)`);
  }
}

async function measureSearch(db: Database, queries: number): Promise<void> {
  const embedder = createHashingTextEmbedder();
  const vectors = await embedder.embed(generateNews(queries, 3).map((item) => `${item.headline} ${item.body.split(' ').slice(0, 6).join(' ')}`));
  const search = (vector: Float32Array, efSearch: number, exact = false) => nearestDocuments(db.pool, { kind: 'news', vector, embedder: HASHING_EMBEDDER_NAME, filter: { limit: 10 }, efSearch, exact });
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL enable_seqscan = off');
    const plan = await client.query(`EXPLAIN SELECT id FROM documents WHERE kind = 'news' ORDER BY embedding <=> '${`[${Array.from(vectors[0]).join(',')}]`}'::vector LIMIT 10`);
    console.log(`query plan: ${plan.rows.map((row) => row['QUERY PLAN']).find((line: string) => /Scan/.test(line))?.trim()}`);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const exact: string[][] = [];
  const exactMs: number[] = [];
  for (const vector of vectors) {
    const [hits, ms] = await timed(() => search(vector, 40, true));
    exact.push(hits.map((hit) => hit.id));
    exactMs.push(ms);
  }
  console.log(`${'exact scan top-10'.padEnd(40)} ${describeLatencies(exactMs)}`);
  for (const efSearch of [40, 100, 200, 400]) {
    const latencies: number[] = [];
    let found = 0;
    for (const [position, vector] of vectors.entries()) {
      const [hits, ms] = await timed(() => search(vector, efSearch));
      latencies.push(ms);
      const truth = new Set(exact[position]);
      found += hits.filter((hit) => truth.has(hit.id)).length;
    }
    const recall = found / (10 * vectors.length);
    const verdict = recall >= 0.95 && percentile(latencies, 0.95) < 20 ? 'meets target' : 'misses target';
    console.log(`${`HNSW ef_search=${efSearch}`.padEnd(40)} recall@10 ${recall.toFixed(3)}, ${describeLatencies(latencies)} — ${verdict} (recall >= 0.95, p95 < 20 ms)`);
  }
}
