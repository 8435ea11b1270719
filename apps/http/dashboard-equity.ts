import { Decimal, type Account, type ExecutionStore, type Fill, type MarketDataStore } from '../../core/index.ts';

/** One day of the paper account: cash, holdings at that day's closes, and their sum. */
export interface EquityPoint {
  date: string;
  cash: string;
  holdings: string;
  equity: string;
}

/** Daily closes of one symbol, oldest first. */
export interface CloseSeries {
  dates: string[];
  close: ArrayLike<number>;
}

export interface EquityReport {
  startingCash: string;
  /** Latest close per held or traded symbol: what the dashboard marks positions at. */
  marks: Record<string, { date: string; close: string }>;
  points: EquityPoint[];
}

// The curve needs the account's whole fill history; the store lists with a limit, so ask for all.
const FILL_LIMIT = 10_000_000;

/**
 * Equity by day from the fills and the stored daily closes: cash moves with every fill (buy:
 * value + commission out; sell: value - commission in, as the broker books them) and holdings
 * are marked at each day's close (before a symbol's first stored close, at its fill price).
 * Days: every bar date of a traded symbol from the first fill on, plus the fill dates.
 *
 * @example equityByDay('1000000', fills, new Map([['AAPL', { dates, close }]]))
 */
export function equityByDay(startingCash: string, fills: Fill[], closes: Map<string, CloseSeries>): EquityPoint[] {
  const ordered = [...fills].sort((left, right) => left.filledAt.localeCompare(right.filledAt) || left.id.localeCompare(right.id));
  if (ordered.length === 0) return [];
  const first = ordered[0].filledAt.slice(0, 10);
  const dates = new Set(ordered.map((fill) => fill.filledAt.slice(0, 10)));
  for (const series of closes.values()) for (const date of series.dates) if (date >= first) dates.add(date);
  let cash = Decimal.from(startingCash, 'startingCash');
  const quantities = new Map<string, Decimal>();
  const lastFillPrice = new Map<string, Decimal>();
  const cursors = new Map<string, number>();
  let next = 0;
  return [...dates].sort().map((date) => {
    for (; next < ordered.length && ordered[next].filledAt.slice(0, 10) <= date; next += 1) {
      const fill = ordered[next];
      const quantity = Decimal.from(fill.quantity, 'fill quantity');
      const value = quantity.mul(Decimal.from(fill.price, 'fill price'));
      const commission = Decimal.from(fill.commission, 'fill commission');
      cash = fill.side === 'buy' ? cash.sub(value).sub(commission) : cash.add(value).sub(commission);
      quantities.set(fill.symbol, (quantities.get(fill.symbol) ?? Decimal.ZERO).add(fill.side === 'buy' ? quantity : quantity.neg()));
      lastFillPrice.set(fill.symbol, Decimal.from(fill.price, 'fill price'));
    }
    let holdings = Decimal.ZERO;
    for (const [symbol, quantity] of quantities) {
      const mark = closeOnOrBefore(closes.get(symbol), date, cursors, symbol) ?? lastFillPrice.get(symbol)!;
      holdings = holdings.add(quantity.mul(mark));
    }
    return { date, cash: cash.toFixed(2), holdings: holdings.toFixed(2), equity: cash.add(holdings).toFixed(2) };
  });
}

/** The close on `date` or the last one before it; dates are visited in order, so a cursor suffices. */
function closeOnOrBefore(series: CloseSeries | undefined, date: string, cursors: Map<string, number>, symbol: string): Decimal | null {
  if (!series) return null;
  let index = cursors.get(symbol) ?? -1;
  while (index + 1 < series.dates.length && series.dates[index + 1] <= date) index += 1;
  cursors.set(symbol, index);
  return index < 0 ? null : Decimal.fromFloat(series.close[index], 4, `${symbol} close`);
}

/**
 * The equity report of the paper account from the stores (read-only): GET /api/equity.
 * @example const report = await loadEquity({ execution, bars });
 */
export async function loadEquity(stores: { execution: ExecutionStore; bars: MarketDataStore }): Promise<EquityReport> {
  const [account, fills]: [Account, Fill[]] = await Promise.all([stores.execution.getAccount(), stores.execution.listFills({ limit: FILL_LIMIT })]);
  const symbols = [...new Set(fills.map((fill) => fill.symbol))].sort();
  const from = fills.reduce((earliest, fill) => (fill.filledAt < earliest ? fill.filledAt : earliest), '9999').slice(0, 10);
  const closes = new Map<string, CloseSeries>();
  const marks: EquityReport['marks'] = {};
  for (const symbol of symbols) {
    const latest = await stores.bars.latestClose(symbol);
    if (!latest) continue;
    marks[symbol] = { date: latest.date, close: Decimal.fromFloat(latest.close, 4, `${symbol} close`).toString() };
    // The close before the first fill too, so the first day is marked even without a bar on it.
    const series = await stores.bars.getBars(symbol, { from: previousYear(from) });
    closes.set(symbol, { dates: series.dates, close: series.close });
  }
  return { startingCash: account.startingCash, marks, points: equityByDay(account.startingCash, fills, closes) };
}

function previousYear(date: string): string {
  return `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
}
