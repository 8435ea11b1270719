export { tokenize } from './tokens.ts';
export { fnv1a } from './hash.ts';
export {
  baselineSentiment, DEFAULT_SENTIMENT_THRESHOLD, scoreSentiment,
  type SentimentDriver, type SentimentOptions, type SentimentResult,
} from './sentiment.ts';
export { DEMO_TICKERS, extractTickers, findTickerMentions, type TickerEntry, type TickerMention } from './entities.ts';
export { classifyEvent, EVENT_TYPES, type EventClassification, type EventType } from './events.ts';
export {
  cosineSimilarity, createHashingEmbedder, EMBEDDING_DIMENSION,
  type Embedder, type HashingEmbedderOptions,
} from './embedder.ts';
export { createLexiconScorer, LEXICON_SCORER_NAME, newsScoringText, scoreText } from './scorer.ts';
export { createHashingTextEmbedder, HASHING_EMBEDDER_NAME } from './text-embedder.ts';
export { decisionSymbols, decisionText } from './decision-text.ts';
export { buildSignalSeries, EVENT_DIRECTION, signalExternals, type SignalDocument, type SignalSeriesOptions } from './series.ts';
