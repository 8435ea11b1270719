import { Decimal, type ExecutionStore, type Fill, type Position } from '../../core/index.ts';
import { applyFillToPosition } from './position.ts';

export interface DerivedBooks {
  /** Non-zero positions by symbol. */
  positions: Array<Omit<Position, 'updatedAt'>>;
  cash: string;
}

/**
 * Positions and cash as the fills imply them, fills taken in booking order: each fill moves its
 * position (applyFillToPosition) and cash (buy: -(value + commission); sell: value - commission).
 *
 * @example deriveBooks([buyTenAt100WithCommission1], '100000') // { positions: [{ symbol: 'AAPL', quantity: '10', ... }], cash: '98999' }
 */
export function deriveBooks(fills: Fill[], startingCash: string): DerivedBooks {
  const positions = new Map<string, Position>();
  let cash = Decimal.from(startingCash, 'startingCash');
  for (const fill of fills) {
    positions.set(fill.symbol, applyFillToPosition(positions.get(fill.symbol) ?? null, fill, fill.filledAt));
    const value = Decimal.from(fill.quantity).mul(Decimal.from(fill.price));
    const commission = Decimal.from(fill.commission);
    cash = cash.add(fill.side === 'buy' ? value.add(commission).neg() : value.sub(commission));
  }
  const open = [...positions.values()].filter((position) => position.quantity !== '0').sort((left, right) => left.symbol.localeCompare(right.symbol));
  return { positions: open.map(({ updatedAt: _updatedAt, ...rest }) => rest), cash: cash.toString() };
}

export interface BooksCheck {
  consistent: boolean;
  /** One line per difference, e.g. "AAPL quantity: stored 10, fills imply 12". */
  differences: string[];
  derived: DerivedBooks;
}

/**
 * Recompute positions and cash from every stored fill and compare them with the stored
 * positions and account.
 *
 * @example const check = await checkBooks(store); if (!check.consistent) console.error(check.differences)
 */
export async function checkBooks(store: ExecutionStore): Promise<BooksCheck> {
  const account = await store.getAccount();
  const derived = deriveBooks(await store.listAllFills(), account.startingCash);
  const stored = await store.getPositions();
  const differences: string[] = [];
  if (!Decimal.from(account.cash).eq(Decimal.from(derived.cash))) differences.push(`cash: stored ${account.cash}, fills imply ${derived.cash}`);
  const symbols = [...new Set([...stored.map((entry) => entry.symbol), ...derived.positions.map((entry) => entry.symbol)])].sort();
  for (const symbol of symbols) {
    const have = stored.find((entry) => entry.symbol === symbol);
    const want = derived.positions.find((entry) => entry.symbol === symbol);
    for (const field of ['quantity', 'averagePrice', 'realizedPnl'] as const) {
      const left = have?.[field] ?? '0';
      const right = want?.[field] ?? '0';
      if (!Decimal.from(left).eq(Decimal.from(right))) differences.push(`${symbol} ${field}: stored ${left}, fills imply ${right}`);
    }
  }
  return { consistent: differences.length === 0, differences, derived };
}
