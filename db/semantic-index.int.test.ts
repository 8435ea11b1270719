import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterIds, fixedClock, isDeskError, type NewsItem } from '../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import { createHashingTextEmbedder, decisionSymbols, decisionText, newsScoringText } from '../tools/signals/index.ts';
import { newsId } from '../tools/news/index.ts';
import type { Database } from './database.ts';
import { createDecisionLog } from './decision-log.ts';
import { createNewsStore } from './news-store.ts';
import { backfillDecisionIndex, createSemanticIndex } from './semantic-index.ts';

const describeDecision = (decision: Parameters<typeof decisionText>[0]) => ({ text: decisionText(decision), symbols: decisionSymbols(decision) });

const news = (headline: string, body: string, publishedAt: string, tickers: string[]): NewsItem => ({ id: newsId(headline, body), url: null, headline, body, source: 'Wire', publishedAt, tickers });
const ITEMS = [
  news('Nvidia faces new chip export restrictions to China', 'Regulators tightened export rules for advanced GPUs.', '2025-06-02T12:00:00.000Z', ['NVDA']),
  news('Apple unveils a new iPhone with satellite messaging', 'The phone launches in September.', '2025-06-03T12:00:00.000Z', ['AAPL']),
  news('Microsoft cuts its cloud revenue outlook', 'Azure growth slowed.', '2025-06-04T12:00:00.000Z', ['MSFT']),
  news('Export restrictions on chips hit Nvidia and AMD suppliers', 'Chip export rules widen.', '2025-06-10T12:00:00.000Z', ['NVDA']),
  news('JPMorgan raises its dividend', 'The bank lifted its quarterly payout.', '2025-06-05T12:00:00.000Z', ['JPM']),
];

describe('semantic index on embedded PGlite (pgvector)', () => {
  let db: Database;
  let index: ReturnType<typeof createSemanticIndex>;
  beforeAll(async () => {
    db = await openTestDatabase('embedded');
    await createNewsStore(db, { clock: fixedClock('2025-06-11T00:00:00Z') }).saveItems(ITEMS);
    index = createSemanticIndex(db, { embedder: createHashingTextEmbedder(), describeDecision });
  });
  afterAll(async () => db?.close());

  it('finds the news nearest in meaning first, and stores a re-index without a second row', async () => {
    expect(await index.indexNews(ITEMS)).toBe(5);
    expect(await index.indexNews(ITEMS.slice(0, 1))).toBe(1);
    expect(Number((await db.pool.query("SELECT count(*) FROM documents WHERE kind = 'news'")).rows[0].count)).toBe(5);
    const hits = await index.searchNews('chip export restrictions', { limit: 3 });
    expect(hits.map((hit) => hit.item.headline).slice(0, 2).sort()).toEqual([ITEMS[0].headline, ITEMS[3].headline].sort());
    expect(hits[0].similarity).toBeGreaterThan(hits[2].similarity);
    expect(hits[0].item).toEqual(ITEMS.find((item) => item.id === hits[0].item.id));
  });

  it('filters by ticker and by date range inside the search', async () => {
    expect((await index.searchNews('chip export restrictions', { symbol: 'AAPL' })).map((hit) => hit.item.id)).toEqual([ITEMS[1].id]);
    const early = await index.searchNews('chip export restrictions', { symbol: 'NVDA', to: '2025-06-09' });
    expect(early.map((hit) => hit.item.id)).toEqual([ITEMS[0].id]);
    expect(await index.searchNews('dividend', { from: '2025-06-11' })).toEqual([]);
  });

  it('indexes decisions (one at a time and by backfill) and answers "what did we conclude about NVDA"', async () => {
    const log = createDecisionLog(db, { clock: fixedClock('2025-06-09T10:00:00Z', 60_000), ids: counterIds() });
    const base = { parentId: null, toolCalls: [], model: 'offline', inputTokens: 0, outputTokens: 0, latencyMs: 1 };
    const nvda = await log.append({ ...base, threadId: 't1', agent: 'research', kind: 'reply', input: 'what about NVDA?', output: { reply: 'Nvidia looks overextended after export restrictions; we concluded to stay flat.' } });
    await log.append({ ...base, threadId: 't2', agent: 'execution', kind: 'order-placed', input: 'buy 10 AAPL', output: { reply: 'Bought 10 AAPL at 187.43' } });
    await log.append({ ...base, threadId: 't2', agent: 'risk', kind: 'reply', input: 'risk?', output: { reply: 'VaR is within limits' }, toolCalls: [{ id: 'c1', server: 'market-data', tool: 'get_bars', arguments: { symbol: 'msft' }, result: {}, isError: false, latencyMs: 1 }] });
    expect(await index.indexDecision(nvda)).toBe(true);
    expect(await backfillDecisionIndex(db, index)).toBe(2);
    expect(await backfillDecisionIndex(db, index)).toBe(0);
    const hits = await index.searchDecisions('what did we conclude about NVDA last week?', { symbol: 'NVDA', from: '2025-06-03', to: '2025-06-10' });
    expect(hits.map((hit) => [hit.decisionId, hit.threadId, hit.agent, hit.symbols])).toEqual([[nvda.id, 't1', 'research', ['NVDA']]]);
    expect(hits[0].text).toContain('we concluded to stay flat');
    expect((await index.searchDecisions('limits', { symbol: 'MSFT' })).map((hit) => hit.agent)).toEqual(['risk']);
    expect((await index.searchDecisions('bought', { threadId: 't2', limit: 1 })).map((hit) => hit.threadId)).toEqual(['t2']);
    expect(newsScoringText(ITEMS[0])).toContain('Regulators');
  });
});

describe.skipIf(!testDatabaseKinds.includes('server'))('semantic index on the PostgreSQL server without pgvector', () => {
  let db: Database;
  beforeAll(async () => { db = await openTestDatabase('server'); });
  afterAll(async () => db?.close());

  it('stores nothing and says clearly that semantic search is off', async () => {
    expect(db.vector.enabled).toBe(false);
    const index = createSemanticIndex(db, { embedder: createHashingTextEmbedder(), describeDecision });
    expect(index.status.enabled).toBe(false);
    expect(await index.indexNews(ITEMS)).toBe(0);
    const error = await index.searchNews('chips').catch((caught: unknown) => caught);
    expect(isDeskError(error, 'config_error')).toBe(true);
    expect((error as Error).message).toMatch(/^semantic search is off: pgvector extension is not installed/);
  });
});
