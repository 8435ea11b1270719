import { DeskError, type NewsEventType, type SignalEvidence, type SignalSeries } from '../../core/index.ts';

/** One scored document about a symbol, as the signal series weighs it. */
export interface SignalDocument {
  readonly id: string;
  readonly headline: string;
  readonly source: string;
  readonly publishedAt: string;
  /** Sentiment score in [-1, 1]. */
  readonly sentiment: number;
  readonly event: NewsEventType;
  readonly eventConfidence: number;
}

export interface SignalSeriesOptions {
  readonly symbol: string;
  /** Scorer whose scores the documents carry (recorded in the result). Default 'lexicon-v1'. */
  readonly scorer?: string;
  /** Days for a document's weight to halve. Default 2. */
  readonly halfLifeDays?: number;
  /** Weight of each source (e.g. { Reuters: 1.5, blog: 0.5 }); unlisted sources weigh `defaultSourceWeight`. */
  readonly sourceWeights?: Readonly<Record<string, number>>;
  /** Default 1. */
  readonly defaultSourceWeight?: number;
  /** First and last day (YYYY-MM-DD, UTC); default: the first and last publication day. */
  readonly from?: string;
  readonly to?: string;
  /** Documents weighing less than this on a day are left out of it. Default 0.01. */
  readonly minWeight?: number;
  /** Evidence listed per day, heaviest first. Default 5. */
  readonly maxEvidence?: number;
}

/** Direction of each event type for the holder of the stock: +1 good news, -1 bad, 0 unclear. */
export const EVENT_DIRECTION: Readonly<Record<NewsEventType, number>> = {
  earnings_beat: 1, earnings_miss: -1, guidance_raise: 1, guidance_cut: -1, merger_acquisition: 0.5,
  analyst_upgrade: 1, analyst_downgrade: -1, lawsuit_regulatory: -1, product_launch: 0.5,
  management_change: 0, dividend_buyback: 0.5, macro: 0, none: 0,
};

const DAY_MS = 86_400_000;
const MAX_DAYS = 20 * 366;

/**
 * A symbol's daily news signal. On day D a document published on UTC day P <= D weighs
 * w = sourceWeight × 0.5^((D − P) / halfLifeDays); the day's values are
 *   sentiment = Σ w·sentiment / max(1, Σ w)      event = Σ w·direction(event)·confidence / max(1, Σ w)
 * so one fresh document counts fully, an old one fades toward 0, and many documents average.
 * A day without news is 0. News published during day D counts on D (daily close).
 *
 * @example
 * const series = buildSignalSeries(documents, { symbol: 'AAPL', halfLifeDays: 1 });
 * series.points[0] // { date: '2025-06-03', sentiment: 0.42, event: 0.75, documents: 1, evidence: [...] }
 */
export function buildSignalSeries(documents: readonly SignalDocument[], options: SignalSeriesOptions): SignalSeries {
  const settings = checkOptions(options);
  const dated = documents.map((document) => ({ document, day: dayNumber(document.publishedAt.slice(0, 10), 'publishedAt') })).sort((left, right) => left.day - right.day);
  const first = options.from !== undefined ? dayNumber(options.from, 'from') : dated[0]?.day;
  const last = options.to !== undefined ? dayNumber(options.to, 'to') : dated.at(-1)?.day;
  const points: SignalSeries['points'] = [];
  if (first === undefined || last === undefined) return { symbol: options.symbol, scorer: settings.scorer, halfLifeDays: settings.halfLife, points };
  if (last < first) throw new DeskError('invalid_input', `to (${options.to}) is before from (${options.from})`, { field: 'to' });
  if (last - first > MAX_DAYS) throw new DeskError('invalid_input', `a signal series spans at most ${MAX_DAYS} days (asked for ${last - first + 1})`, { field: 'from' });
  for (let day = first; day <= last; day++) {
    const weighted = dated.filter((entry) => entry.day <= day).map(({ document, day: published }) => ({
      document, weight: settings.sourceWeight(document.source) * 0.5 ** ((day - published) / settings.halfLife),
    })).filter((entry) => entry.weight >= settings.minWeight);
    const total = weighted.reduce((sum, entry) => sum + entry.weight, 0);
    const scale = Math.max(1, total);
    points.push({
      date: new Date(day * DAY_MS).toISOString().slice(0, 10),
      sentiment: clamp(weighted.reduce((sum, entry) => sum + entry.weight * entry.document.sentiment, 0) / scale),
      event: clamp(weighted.reduce((sum, entry) => sum + entry.weight * EVENT_DIRECTION[entry.document.event] * entry.document.eventConfidence, 0) / scale),
      documents: weighted.length,
      evidence: weighted.sort((left, right) => right.weight - left.weight || left.document.id.localeCompare(right.document.id)).slice(0, settings.maxEvidence).map(({ document, weight }): SignalEvidence => ({
        id: document.id, headline: document.headline, source: document.source, publishedAt: document.publishedAt, weight, sentiment: document.sentiment, event: document.event,
      })),
    });
  }
  return { symbol: options.symbol, scorer: settings.scorer, halfLifeDays: settings.halfLife, points };
}

/**
 * A signal series as strategy-spec external series by date: `{ sentiment: {...}, event: {...} }`,
 * names prefixed when given (e.g. 'aapl_' → aapl_sentiment), for runSpecBacktest's `externals`.
 *
 * @example runSpecBacktest(bars, spec, {}, settings, signalExternals(series))
 */
export function signalExternals(series: SignalSeries, prefix = ''): Record<string, Record<string, number>> {
  return {
    [`${prefix}sentiment`]: Object.fromEntries(series.points.map((point) => [point.date, point.sentiment])),
    [`${prefix}event`]: Object.fromEntries(series.points.map((point) => [point.date, point.event])),
  };
}

function checkOptions(options: SignalSeriesOptions) {
  const halfLife = options.halfLifeDays ?? 2;
  const minWeight = options.minWeight ?? 0.01;
  const maxEvidence = options.maxEvidence ?? 5;
  const defaultWeight = options.defaultSourceWeight ?? 1;
  if (!Number.isFinite(halfLife) || halfLife <= 0 || halfLife > 365) throw new DeskError('invalid_input', `halfLifeDays must be a number in (0, 365] (got ${halfLife})`, { field: 'halfLifeDays' });
  if (!Number.isFinite(minWeight) || minWeight <= 0) throw new DeskError('invalid_input', `minWeight must be a number > 0 (got ${minWeight})`, { field: 'minWeight' });
  if (!Number.isInteger(maxEvidence) || maxEvidence < 0) throw new DeskError('invalid_input', `maxEvidence must be a whole number >= 0 (got ${maxEvidence})`, { field: 'maxEvidence' });
  for (const [source, weight] of Object.entries({ ...options.sourceWeights, '(default)': defaultWeight })) {
    if (!Number.isFinite(weight) || weight < 0) throw new DeskError('invalid_input', `source weight of ${source} must be a number >= 0 (got ${weight})`, { field: 'sourceWeights' });
  }
  return { halfLife, minWeight, maxEvidence, scorer: options.scorer ?? 'lexicon-v1', sourceWeight: (source: string) => options.sourceWeights?.[source] ?? defaultWeight };
}

function dayNumber(date: string, field: string): number {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== date) throw new DeskError('invalid_input', `${field} must be a date YYYY-MM-DD (got ${JSON.stringify(date)})`, { field });
  return time / DAY_MS;
}

const clamp = (value: number) => Math.max(-1, Math.min(1, value));
