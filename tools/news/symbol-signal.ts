import { DeskError, type NewsStore, type SignalSeries } from '../../core/index.ts';
import { buildSignalSeries, LEXICON_SCORER_NAME, type SignalDocument, type SignalSeriesOptions } from '../signals/index.ts';

const DAY_MS = 86_400_000;

/**
 * A symbol's daily news signal from the stored, scored news (see buildSignalSeries for the
 * formula), using one scorer's scores (default 'lexicon-v1'). Items that scorer has not scored
 * are left out. News published before `from` still counts while its weight lasts.
 *
 * @example const series = await symbolSignal(news, { symbol: 'AAPL', from: '2025-06-01', to: '2025-06-30', halfLifeDays: 2 });
 */
export async function symbolSignal(news: NewsStore, options: SignalSeriesOptions): Promise<SignalSeries> {
  const scorer = options.scorer ?? LEXICON_SCORER_NAME;
  const halfLife = options.halfLifeDays ?? 2;
  const heaviest = Math.max(options.defaultSourceWeight ?? 1, ...Object.values(options.sourceWeights ?? {}));
  // Days after which even the heaviest source weighs less than minWeight.
  const lookbackDays = Math.ceil(halfLife * Math.log2(Math.max(1, heaviest / (options.minWeight ?? 0.01))));
  if (options.from !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.from)) throw new DeskError('invalid_input', `from must be a date YYYY-MM-DD (got ${JSON.stringify(options.from)})`, { field: 'from' });
  const since = options.from === undefined ? undefined : new Date(Date.parse(`${options.from}T00:00:00Z`) - lookbackDays * DAY_MS).toISOString().slice(0, 10);
  const scored = await news.listScored({ symbol: options.symbol, from: since, to: options.to });
  const documents = scored.flatMap(({ item, scores }): SignalDocument[] => {
    const score = scores.find((entry) => entry.scorer === scorer);
    return score === undefined ? [] : [{
      id: item.id, headline: item.headline, source: item.source, publishedAt: item.publishedAt,
      sentiment: score.sentiment.score, event: score.event.type, eventConfidence: score.event.confidence,
    }];
  });
  return buildSignalSeries(documents, { ...options, scorer });
}
