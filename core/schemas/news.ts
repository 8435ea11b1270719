import { z } from 'zod';
import { IsoDateSchema, IsoTimestampSchema, SymbolSchema } from './common.ts';

/*
 * News and the signals derived from it. News text comes from outside: it is data that can move a
 * signal, never an instruction and never an order.
 */

/** One news item as stored: `id` is derived from its content hash, so the same story has one id. */
export const NewsItemSchema = z.object({
  id: z.string().regex(/^news_[0-9a-f]{24}$/, 'id must be news_ followed by 24 hex digits (from the content hash)'),
  url: z.string().url().nullable(),
  headline: z.string().min(1),
  body: z.string(),
  source: z.string().min(1),
  publishedAt: IsoTimestampSchema,
  tickers: z.array(SymbolSchema),
});
export type NewsItem = z.infer<typeof NewsItemSchema>;

export const SentimentLabelSchema = z.enum(['positive', 'negative', 'neutral']);
export type SentimentLabel = z.infer<typeof SentimentLabelSchema>;

/** A word or phrase that moved a sentiment score, with its signed contribution. */
export const SentimentDriverSchema = z.object({ text: z.string(), contribution: z.number() });

/** The event taxonomy of tools/signals classifyEvent. */
export const NewsEventTypeSchema = z.enum([
  'earnings_beat', 'earnings_miss', 'guidance_raise', 'guidance_cut', 'merger_acquisition',
  'analyst_upgrade', 'analyst_downgrade', 'lawsuit_regulatory', 'product_launch',
  'management_change', 'dividend_buyback', 'macro', 'none',
]);
export type NewsEventType = z.infer<typeof NewsEventTypeSchema>;

/** What one scorer (e.g. 'lexicon-v1', 'claude') said about one text. */
export const TextScoreSchema = z.object({
  sentiment: z.object({ score: z.number().min(-1).max(1), label: SentimentLabelSchema, drivers: z.array(SentimentDriverSchema) }),
  event: z.object({ type: NewsEventTypeSchema, confidence: z.number().min(0).max(1) }),
});
export type TextScore = z.infer<typeof TextScoreSchema>;

/** A stored score of one news item by one scorer; several scorers may score the same item. */
export const NewsScoreSchema = TextScoreSchema.extend({
  itemId: z.string(),
  scorer: z.string().regex(/^[a-z][a-z0-9._-]{0,39}$/, 'scorer must be a lower-case name such as lexicon-v1 or claude'),
  scoredAt: IsoTimestampSchema,
});
export type NewsScore = z.infer<typeof NewsScoreSchema>;

/** One document behind a signal value, with the weight it had on that day. */
export const SignalEvidenceSchema = z.object({
  id: z.string(),
  headline: z.string(),
  source: z.string(),
  publishedAt: IsoTimestampSchema,
  weight: z.number().nonnegative(),
  sentiment: z.number(),
  event: NewsEventTypeSchema,
});
export type SignalEvidence = z.infer<typeof SignalEvidenceSchema>;

/** One day of a symbol's news signal: decayed, source-weighted sentiment and event scores in [-1, 1]. */
export const SignalPointSchema = z.object({
  date: IsoDateSchema,
  sentiment: z.number().min(-1).max(1),
  event: z.number().min(-1).max(1),
  /** How many documents still weigh at least `minWeight` on this day. */
  documents: z.number().int().nonnegative(),
  /** The heaviest contributing documents (at most `maxEvidence`). */
  evidence: z.array(SignalEvidenceSchema),
});
export type SignalPoint = z.infer<typeof SignalPointSchema>;

export const SignalSeriesSchema = z.object({
  symbol: z.string(),
  scorer: z.string(),
  halfLifeDays: z.number().positive(),
  points: z.array(SignalPointSchema),
});
export type SignalSeries = z.infer<typeof SignalSeriesSchema>;

/** A news item found by semantic search; `similarity` is cosine similarity in [-1, 1]. */
export const NewsSearchHitSchema = z.object({
  item: NewsItemSchema,
  similarity: z.number(),
});
export type NewsSearchHit = z.infer<typeof NewsSearchHitSchema>;

/** A past agent decision found by semantic search, with the text that was indexed for it. */
export const DecisionSearchHitSchema = z.object({
  decisionId: z.string(),
  threadId: z.string(),
  agent: z.string(),
  kind: z.string(),
  createdAt: IsoTimestampSchema,
  symbols: z.array(z.string()),
  text: z.string(),
  similarity: z.number(),
});
export type DecisionSearchHit = z.infer<typeof DecisionSearchHitSchema>;

/** An item a source could not give: where it was (e.g. "line 7", "item 3") and why it was refused. */
export const NewsProblemSchema = z.object({ at: z.string(), reason: z.string() });
export type NewsProblem = z.infer<typeof NewsProblemSchema>;

/** An item left out because an earlier one (in the batch or already stored) has its URL or content. */
export const NewsDuplicateSchema = z.object({ at: z.string(), id: z.string(), duplicateOf: z.string(), by: z.enum(['url', 'content']) });
export type NewsDuplicate = z.infer<typeof NewsDuplicateSchema>;
