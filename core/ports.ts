import type { Decimal } from './decimal.ts';
import type { AdjustedBarSeries, BarSeries, DataIssue, ImportRun, MergeCounts, SymbolInfo } from './schemas/market.ts';
import type { Account, Fill, Order, OrderEvent, OrderSide, OrderStatus, OrderType, Position, TimeInForce } from './schemas/orders.ts';
import type { EquityMarks, KillSwitchChange, KillSwitchState, RiskLimitChange, RiskLimits } from './schemas/risk.ts';
import type { ChainVerification, CriticVerdict, CriticVerdictInput, Decision, DecisionInput } from './schemas/decisions.ts';
import type { StrategySpec } from './schemas/strategy.ts';
import type { StrategyVersion } from './schemas/strategy-lab.ts';
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

/** Injected timers, so schedulers and reconnect loops run under a fake clock in tests. */
export interface Timers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Progress of a long import: rows handled so far of `total` when known. */
export interface ImportProgress {
  symbol: string;
  phase: 'fetch' | 'validate' | 'store';
  rows: number;
  total?: number;
}

export interface FetchBarsOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Validated bars from a source: `series` holds only rows without errors, oldest first;
 * `issues` names every refused row (errors) and what looks wrong but is kept (warnings).
 */
export interface FetchedBars {
  series: AdjustedBarSeries;
  issues: DataIssue[];
  /** Rows the source delivered, valid or not. */
  rowsRead: number;
}

/** A provider of daily bars: CSV files, the synthetic generator, Yahoo Finance, Alpaca. */
export interface MarketDataSource {
  readonly name: string;
  /** True when fetching goes over the network. */
  readonly network: boolean;
  fetchBars(symbol: string, range: DateRange, options?: FetchBarsOptions): Promise<FetchedBars>;
}

/** Idempotent bar merges and the record of imports. */
export interface BarImportStore {
  /** Upsert by (symbol, date), counting inserted, updated and unchanged rows; `onStored` after each chunk. */
  mergeBars(series: AdjustedBarSeries, onStored?: (rows: number) => void): Promise<MergeCounts>;
  recordRun(run: ImportRun): Promise<void>;
  /** Newest first. */
  listRuns(filter?: { symbol?: string; limit?: number }): Promise<ImportRun[]>;
}

/** Writes inside one execution transaction (serialised against other executions). */
export interface ExecutionTransaction {
  getOrderByClientId(clientOrderId: string): Promise<Order | null>;
  /** The order by id, or null. */
  getOrder(id: string): Promise<Order | null>;
  getPosition(symbol: string): Promise<Position | null>;
  getAccount(): Promise<Account>;
  insertOrder(order: Order): Promise<void>;
  updateOrder(order: Order): Promise<void>;
  insertFill(fill: Fill): Promise<void>;
  savePosition(position: Position): Promise<void>;
  saveAccount(account: Account): Promise<void>;
  /** Add `delta` (signed decimal) to cash in one statement; returns the new cash. */
  adjustCash(delta: string): Promise<string>;
  /** Append one state transition; the store numbers it (seq = previous seq of the order + 1) and returns it. */
  appendOrderEvent(event: Omit<OrderEvent, 'seq'>): Promise<OrderEvent>;
  /** Fills already booked for an order, oldest first. */
  listOrderFills(orderId: string): Promise<Fill[]>;
}

/** Which orders `listOrders` returns; `status: 'open'` means new, accepted or partially filled. */
export interface OrderFilter {
  threadId?: string;
  symbol?: string;
  status?: OrderStatus | 'open';
  /** Created at or after this instant (ISO, UTC). */
  from?: string;
  /** Created before this instant (ISO, UTC). */
  to?: string;
  limit?: number;
}

/** Orders, fills, positions and cash. */
export interface ExecutionStore {
  getOrder(id: string): Promise<Order | null>;
  getOrderByClientId(clientOrderId: string): Promise<Order | null>;
  listOrders(filter?: OrderFilter): Promise<Order[]>;
  listFills(filter?: { orderId?: string; limit?: number }): Promise<Fill[]>;
  /** Every fill in booking order (oldest first): what positions and cash are derived from. */
  listAllFills(): Promise<Fill[]>;
  /** An order's state transitions, seq ascending. */
  listOrderEvents(orderId: string): Promise<OrderEvent[]>;
  /** Non-zero positions, by symbol. */
  getPositions(): Promise<Position[]>;
  getAccount(): Promise<Account>;
  /** Run `work` in one database transaction holding the execution lock. */
  transaction<T>(work: (tx: ExecutionTransaction) => Promise<T>): Promise<T>;
}

/** Risk limits as configured, the kill switch, and the equity marks; every change is logged. */
export interface RiskLimitsStore {
  getLimits(): Promise<RiskLimits>;
  /** Replace the limits; logs (old, new, changedBy, when, reason) in the same transaction. */
  setLimits(limits: RiskLimits, changedBy: string, reason?: string): Promise<void>;
  /** The limit change log, oldest first (the latest `limit` entries when given). */
  listLimitChanges(options?: { limit?: number }): Promise<RiskLimitChange[]>;
  /** The kill switch; off (never set) until someone turns it on. */
  getKillSwitch(): Promise<KillSwitchState>;
  /** Turn the kill switch on or off at `at`; logged. Returns the new state. */
  setKillSwitch(change: { active: boolean; reason: string; changedBy: string; at: Date }): Promise<KillSwitchState>;
  /** The kill switch change log, oldest first (the latest `limit` entries when given). */
  listKillSwitchChanges(options?: { limit?: number }): Promise<KillSwitchChange[]>;
  /** Record an equity observation: the first of its UTC day becomes start-of-day equity; the peak is kept. */
  recordEquity(equity: string, at: Date): Promise<EquityMarks>;
}

/** The append-only, hash-chained decision log. */
export interface DecisionLog {
  append(input: DecisionInput): Promise<Decision>;
  appendVerdict(input: CriticVerdictInput): Promise<CriticVerdict>;
  listByThread(threadId: string): Promise<{ decisions: Decision[]; verdicts: CriticVerdict[] }>;
  listRecent(limit: number): Promise<{ decisions: Decision[]; verdicts: CriticVerdict[] }>;
  /** One decision with its critic verdicts, or null when there is no such id. */
  getDecision(id: string): Promise<{ decision: Decision; verdicts: CriticVerdict[] } | null>;
  verify(): Promise<ChainVerification>;
}

/** One execution at a venue. `executionId` is unique at that venue, so booking it twice is caught. */
export interface BrokerFill {
  executionId: string;
  quantity: Decimal;
  price: Decimal;
  commission: Decimal;
  /** When it executed (ISO, UTC). */
  at: string;
}

/**
 * The venue's view of one order, keyed by our clientOrderId. `fills` lists every execution so
 * far, oldest first; an adapter whose venue reports only cumulative figures may leave it empty
 * and give `filledQuantity` and `averagePrice`: the order manager then books the difference.
 */
export interface BrokerOrderReport {
  clientOrderId: string;
  brokerOrderId: string;
  status: OrderStatus;
  filledQuantity: Decimal;
  averagePrice: Decimal | null;
  fills: BrokerFill[];
  /** Why it was rejected, cancelled or expired; null otherwise. */
  reason: string | null;
}

/** A position as the venue holds it; quantity is signed (negative = short). */
export interface BrokerPosition {
  symbol: string;
  quantity: Decimal;
  averagePrice: Decimal;
}

/**
 * One interface for paper and live brokers; config picks the adapter. Every call is keyed by the
 * clientOrderId, so a retry after a timeout or a crash never creates a second order.
 */
export interface Broker {
  readonly name: string;
  /**
   * Send an order. A venue that already holds an order under this clientOrderId returns that
   * order's report instead of creating another. A refusal is a report with status 'rejected';
   * a throw means the outcome is unknown (ask `getOrder`).
   */
  submit(order: Order): Promise<BrokerOrderReport>;
  /** Cancel a working order; returns its report afterwards (it may have filled meanwhile). Throws not_found for an unknown id. */
  cancel(clientOrderId: string, reason: string): Promise<BrokerOrderReport>;
  /** The venue's report for an order, or null when the venue never received it. */
  getOrder(clientOrderId: string): Promise<BrokerOrderReport | null>;
  /** Orders still working at the venue (new, accepted, partially filled). */
  listOpenOrders(): Promise<BrokerOrderReport[]>;
  /** Non-zero positions as the venue holds them. */
  getPositions(): Promise<BrokerPosition[]>;
}

/** What cancelling every open order did: the orders now closed, and those that could not be cancelled. */
export interface CancelOpenOrdersResult {
  cancelled: Order[];
  failed: Array<{ orderId: string; clientOrderId: string; error: string }>;
}

/** The kill switch's hook into execution: cancel every open order, recording the reason on each. */
export interface OpenOrderCanceller {
  cancelOpenOrders(reason: string): Promise<CancelOpenOrdersResult>;
}

/** The paper venue's record of one order (its own book, apart from the desk's orders table). */
export interface PaperVenueOrder {
  clientOrderId: string;
  brokerOrderId: string;
  symbol: string;
  side: OrderSide;
  quantity: string;
  type: OrderType;
  limitPrice: string | null;
  stopPrice: string | null;
  timeInForce: TimeInForce;
  status: OrderStatus;
  filledQuantity: string;
  /** A stop or stop-limit whose stop has traded. */
  triggered: boolean;
  /** The last bar the order was evaluated on (YYYY-MM-DD); a bar is never evaluated twice. */
  lastBarDate: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One execution at the paper venue. */
export interface PaperVenueFill {
  executionId: string;
  clientOrderId: string;
  symbol: string;
  side: OrderSide;
  quantity: string;
  price: string;
  commission: string;
  at: string;
}

/** Writes of the paper venue inside one transaction (serialised against other venue writes). */
export interface PaperVenueTransaction {
  getOrder(clientOrderId: string): Promise<PaperVenueOrder | null>;
  /** Working orders (accepted, partially filled) in one symbol, oldest first. */
  listOpenOrders(symbol: string): Promise<PaperVenueOrder[]>;
  /** One order's executions, oldest first. */
  listFills(clientOrderId: string): Promise<PaperVenueFill[]>;
  saveOrder(order: PaperVenueOrder): Promise<void>;
  insertFill(fill: PaperVenueFill): Promise<void>;
}

/** Where the paper venue keeps its book: in Postgres for the desk (it outlives the process), in memory for pure tests. */
export interface PaperVenueStore {
  getOrder(clientOrderId: string): Promise<PaperVenueOrder | null>;
  /** Working orders in every symbol, oldest first. */
  listOpenOrders(): Promise<PaperVenueOrder[]>;
  /** Executions, oldest first; only one order's when `clientOrderId` is given. */
  listFills(clientOrderId?: string): Promise<PaperVenueFill[]>;
  transaction<T>(work: (tx: PaperVenueTransaction) => Promise<T>): Promise<T>;
}

/** Versioned strategy specs by name; a stored version never changes. */
export interface StrategyStore {
  /**
   * Save a spec under its name. When it has the same hash as the latest version of that name, that
   * version is returned (created: false); otherwise a new version whose parent is the latest.
   */
  save(spec: StrategySpec, meta: { author: string; note?: string }): Promise<{ version: StrategyVersion; created: boolean }>;
  /** A version by id, "name@version", or "name" (the latest); throws not_found. */
  get(reference: string): Promise<StrategyVersion>;
  /** The latest version of every name, by name; with `name`, every version of it, oldest first. */
  list(filter?: { name?: string }): Promise<StrategyVersion[]>;
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
