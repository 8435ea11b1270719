import { Decimal, DeskError } from '../../core/index.ts';
import { absolute, narrow, wide } from './exact.ts';

/** One held position, marked at its latest price. */
export interface MarkedPosition {
  symbol: string;
  /** Signed quantity (negative = short). */
  quantity: Decimal;
  mark: Decimal;
}

/**
 * Everything the pre-trade check needs to know about the account, read once from the stores so
 * that the check itself stays pure: positions with marks, cash, the equity marks the loss rules
 * compare against, recent order times and the kill switch.
 */
export interface RiskSnapshot {
  now: Date;
  cash: Decimal;
  positions: readonly MarkedPosition[];
  /** Equity at the start of the UTC day (first equity seen that day). */
  startOfDayEquity: Decimal;
  /** Highest equity seen. */
  equityHighWaterMark: Decimal;
  /** Creation times (epoch ms) of recent orders, any order. */
  recentOrderTimes: readonly number[];
  killSwitch: { active: boolean; reason: string | null };
}

/** Portfolio sums at 1e-16 units, computed once per snapshot and sector map. */
export interface PortfolioTotals {
  bySymbol: ReadonlyMap<string, MarkedPosition>;
  /** Σ quantity × mark. */
  net: bigint;
  /** Σ |quantity × mark|. */
  gross: bigint;
  /** cash + net. */
  equity: bigint;
  /** Σ |quantity × mark| per sector (an unmapped symbol is its own sector). */
  sectorGross: ReadonlyMap<string, bigint>;
}

const totalsCache = new WeakMap<RiskSnapshot, { sectorMap: Readonly<Record<string, string>>; totals: PortfolioTotals }>();

/**
 * The snapshot's sums over all positions, exact. Cached per snapshot (and sector map) so that
 * checking many orders against one snapshot walks the positions once.
 *
 * @example portfolioTotals(snapshot, {}).equity // cash + Σ quantity × mark, in 1e-16 units
 */
export function portfolioTotals(snapshot: RiskSnapshot, sectorMap: Readonly<Record<string, string>>): PortfolioTotals {
  const cached = totalsCache.get(snapshot);
  if (cached && cached.sectorMap === sectorMap) return cached.totals;
  const bySymbol = new Map<string, MarkedPosition>();
  const sectorGross = new Map<string, bigint>();
  let net = 0n;
  let gross = 0n;
  for (const position of snapshot.positions) {
    if (bySymbol.has(position.symbol)) throw new DeskError('invalid_input', `positions list ${position.symbol} twice`, { field: 'positions' });
    bySymbol.set(position.symbol, position);
    const value = position.quantity.units * position.mark.units;
    const size = absolute(value);
    net += value;
    gross += size;
    const sector = sectorOf(position.symbol, sectorMap);
    sectorGross.set(sector, (sectorGross.get(sector) ?? 0n) + size);
  }
  const totals = { bySymbol, net, gross, equity: wide(snapshot.cash) + net, sectorGross };
  totalsCache.set(snapshot, { sectorMap, totals });
  return totals;
}

/** The sector a symbol counts in: its mapped sector, else the symbol itself. */
export function sectorOf(symbol: string, sectorMap: Readonly<Record<string, string>>): string {
  return Object.hasOwn(sectorMap, symbol) ? sectorMap[symbol] : symbol;
}

/**
 * Equity of an account: cash + Σ quantity × mark, exact, rounded to 8 decimals at the end.
 * @example equityOf({ cash: Decimal.from('100'), positions: [] }).toString() // '100'
 */
export function equityOf(account: Pick<RiskSnapshot, 'cash' | 'positions'>): Decimal {
  let total = wide(account.cash);
  for (const position of account.positions) total += position.quantity.units * position.mark.units;
  return narrow(total);
}
