import type { Decimal } from './decimal.ts';
import type { BarSeries, SymbolInfo } from './schemas/market.ts';
import type { Account, Fill, Order, Position } from './schemas/orders.ts';
import type { RiskLimits } from './schemas/risk.ts';
import type { ChainVerification, CriticVerdict, CriticVerdictInput, Decision, DecisionInput } from './schemas/decisions.ts';
import type { DecisionSearchHit, NewsItem, NewsScore, NewsSearchHit, TextScore } from './schemas/news.ts';

/** Injected time source; everything the desk stamps is UTC. */
export interface Clock {
  now(): Date;
}

/** Injected id source; `prefix` names the kind of record (ord, fill, dec, ...). */
export interface IdSource {
  next(prefix: string): string;
}

export interface DateRange {
  from?: string;
  to?: string;
}

/** Stored daily bars. */
export interface MarketDataStore {
  /** Insert or replace bars by (symbol, date); returns the number of rows written. */
  upsertBars(series: BarSeries): Promise<number>;
  /** Bars oldest first, optionally limited to [from, to] (inclusive); throws not_found for an unknown symbol. */
  getBars(symbol: string, range?: DateRange): Promise<BarSeries>;
  listSymbols(): Promise<SymbolInfo[]>;
  /** Latest close and its date, or null when the symbol has no bars. */
  latestClose(symbol: string): Promise<{ date: string; close: number } | null>;
}

/** Writes inside one execution transaction (serialised against other executions). */
export interface ExecutionTransaction {
  getOrderByClientId(clientOrderId: string): Promise<Order | null>;
  getPosition(symbol: string): Promise<Position | null>;
  getAccount(): Promise<Account>;
  insertOrder(order: Order): Promise<void>;
  updateOrder(order: Order): Promise<void>;
  insertFill(fill: Fill): Promise<void>;
  savePosition(position: Position): Promise<void>;
  saveAccount(account: Account): Promise<void>;
}

/** Orders, fills, positions and cash. */
export interface ExecutionStore {
  getOrder(id: string): Promise<Order | null>;
  getOrderByClientId(clientOrderId: string): Promise<Order | null>;
  listOrders(filter?: { threadId?: string; limit?: number }): Promise<Order[]>;
  listFills(filter?: { orderId?: string; limit?: number }): Promise<Fill[]>;
  /** Non-zero positions, by symbol. */
  getPositions(): Promise<Position[]>;
  getAccount(): Promise<Account>;
  /** Run `work` in one database transaction holding the execution lock. */
  transaction<T>(work: (tx: ExecutionTransaction) => Promise<T>): Promise<T>;
}

/** Risk limits as configured. */
export interface RiskLimitsStore {
  getLimits(): Promise<RiskLimits>;
  setLimits(limits: RiskLimits, changedBy: string): Promise<void>;
}

/** The append-only, hash-chained decision log. */
export interface DecisionLog {
  append(input: DecisionInput): Promise<Decision>;
  appendVerdict(input: CriticVerdictInput): Promise<CriticVerdict>;
  listByThread(threadId: string): Promise<{ decisions: Decision[]; verdicts: CriticVerdict[] }>;
  listRecent(limit: number): Promise<{ decisions: Decision[]; verdicts: CriticVerdict[] }>;
  verify(): Promise<ChainVerification>;
}

/** What a broker did with an order. */
export type BrokerExecution =
  | { status: 'filled'; fills: Array<{ quantity: Decimal; price: Decimal; commission: Decimal }> }
  | { status: 'rejected'; reason: string };

/** One interface for paper and live brokers; config picks the adapter. */
export interface Broker {
  readonly name: string;
  submit(order: Order): Promise<BrokerExecution>;
}

/** Stored news items (unique by content-hash id and by URL) and their scores. */
export interface NewsStore {
  /** Store items not stored yet; an item whose id or URL is already there is a duplicate, never an overwrite. */
  saveItems(items: NewsItem[]): Promise<{ inserted: string[]; duplicates: Array<{ id: string; existingId: string; by: 'url' | 'content' }> }>;
  /** Insert or replace scores by (item, scorer); returns the number written. */
  saveScores(scores: NewsScore[]): Promise<number>;
  getItem(id: string): Promise<NewsItem | null>;
  /** Items newest first, optionally for one ticker and within [from, to] (dates or instants, inclusive). */
  listItems(filter?: NewsFilter): Promise<NewsItem[]>;
  /** Items oldest first, each with the scores of every scorer that ran on it. */
  listScored(filter?: NewsFilter): Promise<Array<{ item: NewsItem; scores: NewsScore[] }>>;
}

export interface NewsFilter {
  symbol?: string;
  /** YYYY-MM-DD (from the start of that UTC day) or an ISO instant. */
  from?: string;
  /** YYYY-MM-DD (to the end of that UTC day) or an ISO instant. */
  to?: string;
  limit?: number;
}

/** Scores texts for sentiment and event type: the offline lexicon, or a model such as Claude. */
export interface NewsScorer {
  /** Stored with each score, e.g. 'lexicon-v1' or 'claude'. */
  readonly name: string;
  score(texts: string[]): Promise<TextScore[]>;
}

/** Turns texts into unit vectors; the hashing embedder and a hosted embedding API both fit. */
export interface TextEmbedder {
  /** Recorded beside each vector; search only compares vectors of the same embedder. */
  readonly name: string;
  readonly dimension: number;
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** Semantic memory over news and past agent decisions (pgvector). */
export interface SemanticIndex {
  /** Whether vector search works here; when not, `reason` says why and the search methods throw. */
  readonly status: { enabled: boolean; reason: string | null };
  /** Embed and store news items (replacing earlier vectors of the same ids); returns how many were stored. */
  indexNews(items: NewsItem[]): Promise<number>;
  /** Embed and store one decision's text; false when vector search is off (nothing stored). */
  indexDecision(decision: Decision): Promise<boolean>;
  searchNews(query: string, filter?: NewsFilter): Promise<NewsSearchHit[]>;
  searchDecisions(query: string, filter?: NewsFilter & { threadId?: string }): Promise<DecisionSearchHit[]>;
}
