import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type NewsItem, type NewsScore } from '../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import type { Database } from './database.ts';
import { createNewsStore } from './news-store.ts';

const item = (suffix: string, overrides: Partial<NewsItem> = {}): NewsItem => ({
  id: `news_${suffix.padStart(24, '0')}`, url: `https://x.example/${suffix}`, headline: `Headline ${suffix}`, body: 'Body', source: 'Wire',
  publishedAt: '2025-06-10T14:30:00.000Z', tickers: ['AAPL'], ...overrides,
});
const score = (itemId: string, scorer: string, value: number): NewsScore => ({
  itemId, scorer, scoredAt: '2025-06-10T15:00:00.000Z',
  sentiment: { score: value, label: value > 0 ? 'positive' : 'negative', drivers: [{ text: 'beat', contribution: value }] },
  event: { type: 'earnings_beat', confidence: 0.75 },
});

describe.each(testDatabaseKinds)('news store on %s', (kind) => {
  let db: Database;
  let news: ReturnType<typeof createNewsStore>;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    news = createNewsStore(db, { clock: fixedClock('2025-06-11T00:00:00Z') });
  });
  afterAll(async () => db?.close());

  it('stores an item once; the same content or the same URL again is a duplicate of the stored one', async () => {
    const first = await news.saveItems([item('a1'), item('b2', { url: null, publishedAt: '2025-06-12T09:00:00.000Z', tickers: ['NVDA', 'AAPL'] })]);
    expect(first).toEqual({ inserted: [item('a1').id, item('b2').id], duplicates: [] });
    const again = await news.saveItems([item('a1', { url: 'https://other.example/a1' }), item('c3', { url: 'https://x.example/a1' }), item('d4', { tickers: ['MSFT'], publishedAt: '2025-06-09T23:59:59.000Z' })]);
    expect(again).toEqual({
      inserted: [item('d4').id],
      duplicates: [{ id: item('a1').id, existingId: item('a1').id, by: 'content' }, { id: item('c3').id, existingId: item('a1').id, by: 'url' }],
    });
    expect(await news.getItem(item('b2').id)).toEqual(item('b2', { url: null, publishedAt: '2025-06-12T09:00:00.000Z', tickers: ['NVDA', 'AAPL'] }));
  });

  it('lists by ticker and by inclusive date range, newest first', async () => {
    expect((await news.listItems({ symbol: 'aapl' })).map((entry) => entry.id)).toEqual([item('b2').id, item('a1').id]);
    expect((await news.listItems({ from: '2025-06-10', to: '2025-06-10' })).map((entry) => entry.id)).toEqual([item('a1').id]);
    expect((await news.listItems({ to: '2025-06-09' })).map((entry) => entry.id)).toEqual([item('d4').id]);
    await expect(news.listItems({ from: 'last week' })).rejects.toThrow(/from must be YYYY-MM-DD or an ISO instant/);
  });

  it('keeps one score per scorer, replaces a re-score, and lists items oldest first with all their scores', async () => {
    expect(await news.saveScores([score(item('a1').id, 'lexicon-v1', 0.4), score(item('a1').id, 'claude', 0.7)])).toBe(2);
    await news.saveScores([score(item('a1').id, 'lexicon-v1', 0.5)]);
    const scored = await news.listScored({ symbol: 'AAPL' });
    expect(scored.map((entry) => entry.item.id)).toEqual([item('a1').id, item('b2').id]);
    expect(scored[0].scores.map((entry) => [entry.scorer, entry.sentiment.score, entry.sentiment.drivers, entry.event])).toEqual([
      ['claude', 0.7, [{ text: 'beat', contribution: 0.7 }], { type: 'earnings_beat', confidence: 0.75 }],
      ['lexicon-v1', 0.5, [{ text: 'beat', contribution: 0.5 }], { type: 'earnings_beat', confidence: 0.75 }],
    ]);
    expect(scored[1].scores).toEqual([]);
  });

  it('refuses an invalid item or score before writing anything', async () => {
    await expect(news.saveItems([item('e5'), { ...item('f6'), publishedAt: 'yesterday' }])).rejects.toThrow(/invalid news item 2: publishedAt/);
    expect(await news.getItem(item('e5').id)).toBeNull();
    await expect(news.saveScores([{ ...score(item('a1').id, 'lexicon-v1', 0.5), sentiment: { score: 2, label: 'positive', drivers: [] } }])).rejects.toThrow(/invalid news score 1: sentiment.score/);
  });
});
