import type { Decimal } from './decimal.ts';
import type { AdjustedBarSeries, BarSeries, DataIssue, ImportRun, MergeCounts, SymbolInfo } from './schemas/market.ts';
import type { Account, Fill, Order, Position } from './schemas/orders.ts';
import type { EquityMarks, KillSwitchChange, KillSwitchState, RiskLimitChange, RiskLimits } from './schemas/risk.ts';
import type { ChainVerification, CriticVerdict, CriticVerdictInput, Decision, DecisionInput } from './schemas/decisions.ts';
import type { StrategySpec } from './schemas/strategy.ts';
import type { StrategyVersion } from './schemas/strategy-lab.ts';

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

/** What a broker did with an order. */
export type BrokerExecution =
  | { status: 'filled'; fills: Array<{ quantity: Decimal; price: Decimal; commission: Decimal }> }
  | { status: 'rejected'; reason: string };

/** One interface for paper and live brokers; config picks the adapter. */
export interface Broker {
  readonly name: string;
  submit(order: Order): Promise<BrokerExecution>;
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
