import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type BarSeries } from '../../core/index.ts';
import { createNewsStore, createSemanticIndex, type Database } from '../../db/index.ts';
import { openTestDatabase } from '../../test-support/databases.ts';
import { runSpecBacktest } from '../backtest/index.ts';
import { parseStrategySpec } from '../strategy/index.ts';
import { createHashingTextEmbedder, createLexiconScorer, decisionSymbols, decisionText, scoreText, signalExternals } from '../signals/index.ts';
import { ingestNews } from './ingest.ts';
import { parseNews } from './parse.ts';
import { symbolSignal } from './symbol-signal.ts';

const GOOD = { headline: 'Apple beat estimates and raised guidance', body: 'Record iPhone sales lifted profit.' };
const BAD = { headline: 'Apple shares slump after regulators open an antitrust probe', body: 'Apple cut its outlook.' };
const item = (title: string, body: string, link: string, date: string) => `<item><title>${title}</title><link>${link}</link><description>${body}</description><pubDate>${date}</pubDate></item>`;
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
${item(GOOD.headline, GOOD.body, 'https://wire.example/1', 'Tue, 03 Jun 2025 14:00:00 GMT')}
${item('Microsoft cut guidance as cloud growth slowed', '', 'https://wire.example/2', 'Tue, 03 Jun 2025 15:00:00 GMT')}
${item(BAD.headline, BAD.body, 'https://wire.example/3', 'Tue, 10 Jun 2025 15:00:00 GMT')}
${item('Apple holds its annual shareholder meeting', '', 'https://wire.example/4', 'Thu, 12 Jun 2025 15:00:00 GMT')}
${item(GOOD.headline, GOOD.body, 'https://mirror.example/1', 'Tue, 03 Jun 2025 14:05:00 GMT')}
</channel></rss>`;

/** AAPL on the business days 2025-06-02 … 2025-06-20: closes 100, 101, …; each open is the previous close. */
function bars(): BarSeries {
  const dates: string[] = [];
  for (let day = Date.parse('2025-06-02T00:00:00Z'); day <= Date.parse('2025-06-20T00:00:00Z'); day += 86_400_000) {
    if (![0, 6].includes(new Date(day).getUTCDay())) dates.push(new Date(day).toISOString().slice(0, 10));
  }
  const close = Float64Array.from(dates, (_, index) => 100 + index);
  return { symbol: 'AAPL', dates, open: Float64Array.from(close, (value, index) => (index === 0 ? value : close[index - 1])), high: close.map((value) => value + 1), low: close.map((value) => value - 1), close, volume: new Float64Array(dates.length).fill(1000) };
}

describe('feed file in → stored, scored, embedded → signal series → strategy spec backtest (embedded database)', () => {
  let db: Database;
  let directory: string;
  beforeAll(async () => {
    db = await openTestDatabase('embedded');
    directory = mkdtempSync(join(tmpdir(), 'desk-news-'));
  });
  afterAll(async () => {
    await db?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('trades on the days the news sentiment says', async () => {
    const path = join(directory, 'wire.rss');
    writeFileSync(path, FEED);
    const news = createNewsStore(db, { clock: fixedClock('2025-06-20T00:00:00Z') });
    const index = createSemanticIndex(db, { embedder: createHashingTextEmbedder(), describeDecision: (decision) => ({ text: decisionText(decision), symbols: decisionSymbols(decision) }) });
    const deps = { news, scorers: [createLexiconScorer()], index, clock: fixedClock('2025-06-20T00:00:00Z') };

    const report = await ingestNews(parseNews(readFileSync(path, 'utf8'), { name: path }), deps);
    expect(report).toMatchObject({ problems: [], scored: { 'lexicon-v1': 4 }, embedded: 4, semanticSearch: 'on', scorerErrors: [] });
    expect(report.duplicates).toEqual([{ at: 'item 5 (line 6)', id: report.stored[0], duplicateOf: report.stored[0], by: 'content' }]);
    const again = await ingestNews(parseNews(FEED), deps);
    expect(again.stored).toEqual([]);
    expect(again.duplicates.filter((entry) => entry.at === 'already stored')).toHaveLength(4);

    const series = await symbolSignal(news, { symbol: 'AAPL', from: '2025-06-02', to: '2025-06-20', halfLifeDays: 1 });
    const good = scoreText(`${GOOD.headline}. ${GOOD.body}`).sentiment.score;
    const bad = scoreText(`${BAD.headline}. ${BAD.body}`).sentiment.score;
    expect(good).toBeGreaterThan(0.3);
    expect(bad).toBeLessThan(0);
    const byDate = Object.fromEntries(series.points.map((point) => [point.date, point]));
    expect(byDate['2025-06-02'].sentiment).toBe(0);
    expect(byDate['2025-06-03'].sentiment).toBeCloseTo(good, 12);
    expect(byDate['2025-06-04'].sentiment).toBeCloseTo(good / 2, 12);
    expect(byDate['2025-06-09'].sentiment).toBeCloseTo(good / 64, 12); // still weighs 0.5^6 ≥ 0.01
    expect(byDate['2025-06-10'].sentiment).toBeCloseTo(bad, 12); // the good news (0.5^7 < 0.01) has faded out
    expect(byDate['2025-06-12'].sentiment).toBeCloseTo((bad / 4) / 1.25, 12); // bad at 0.25 plus a neutral item at 1
    expect(byDate['2025-06-10'].evidence).toEqual([expect.objectContaining({ headline: BAD.headline, weight: 1, event: 'guidance_cut' })]);

    const spec = parseStrategySpec({
      version: 1, name: 'news_sentiment', description: 'long on good news, out on bad news', universe: ['AAPL'], parameters: {},
      entry: { op: 'gt', args: [{ external: 'sentiment' }, 0.3] }, exit: { op: 'lt', args: [{ external: 'sentiment' }, 0] },
      side: 'long', sizing: { kind: 'all-in' },
    });
    const result = runSpecBacktest(bars(), spec, {}, { initialCash: 10_000, commissionRate: 0 }, signalExternals(series));
    // Signal at the close of 06-03 → buy floor(10000 / 101) = 99 at 06-04's open (06-03's close, 101); bad news at the close of 06-10 → sell at 06-11's open (106).
    expect(result.trades).toMatchObject([{ entryDate: '2025-06-04', entryPrice: 101, exitDate: '2025-06-11', exitPrice: 106, quantity: 99, pnl: 495 }]);

    const hits = await index.searchNews('antitrust probe by regulators', { symbol: 'AAPL', limit: 1 });
    expect(hits.map((hit) => hit.item.headline)).toEqual([BAD.headline]);
  });
});
