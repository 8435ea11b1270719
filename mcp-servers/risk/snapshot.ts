import { Decimal, DeskError, RISK_LIMIT_DEFAULTS, type Clock, type ExecutionStore, type MarketDataStore, type OrderRequest, type RiskLimits } from '../../core/index.ts';
import type { OrderMarket, RiskSnapshot } from '../../tools/risk/index.ts';

/** The stores a risk snapshot is read from. */
export interface SnapshotDeps {
  bars: MarketDataStore;
  execution: ExecutionStore;
  clock: Clock;
}

/** A snapshot before the equity marks and the kill switch are added. */
export type AccountSnapshot = Omit<RiskSnapshot, 'startOfDayEquity' | 'equityHighWaterMark' | 'killSwitch'>;

/**
 * Read the account for a risk snapshot: positions marked at their latest close (the average
 * price when a symbol has no bars), cash, and the creation times of the latest orders.
 *
 * @example const account = await loadAccountSnapshot(deps, limits);
 */
export async function loadAccountSnapshot(deps: SnapshotDeps, limits: RiskLimits): Promise<AccountSnapshot> {
  const now = deps.clock.now();
  const [positions, account, orders] = await Promise.all([
    deps.execution.getPositions(),
    deps.execution.getAccount(),
    deps.execution.listOrders({ limit: (limits.maxOrdersPerMinute ?? RISK_LIMIT_DEFAULTS.maxOrdersPerMinute) + 1 }),
  ]);
  const marked = await Promise.all(positions.map(async (position) => {
    const latest = await deps.bars.latestClose(position.symbol);
    const mark = latest ? Decimal.fromFloat(latest.close, 4, 'mark') : Decimal.from(position.averagePrice, 'averagePrice');
    return { symbol: position.symbol, quantity: Decimal.from(position.quantity, 'quantity'), mark };
  }));
  return { now, cash: Decimal.from(account.cash, 'cash'), positions: marked, recentOrderTimes: orders.map((order) => Date.parse(order.createdAt)) };
}

/**
 * The ordered symbol's last price (latest stored close) and the caller's reference price.
 * @example const { market, priceDate } = await loadOrderMarket(bars, order, undefined);
 */
export async function loadOrderMarket(bars: MarketDataStore, order: OrderRequest, referencePrice: string | undefined): Promise<{ market: OrderMarket; priceDate: string }> {
  const latest = await bars.latestClose(order.symbol);
  if (!latest) throw new DeskError('not_found', `no market price for symbol ${order.symbol}: it has no stored bars`, { field: 'symbol' });
  const lastPrice = Decimal.fromFloat(latest.close, 4, 'last price');
  return { market: { lastPrice, referencePrice: referencePrice === undefined ? undefined : Decimal.from(referencePrice, 'referencePrice') }, priceDate: latest.date };
}
