import { DeskError } from '../../core/index.ts';

/** One whole-share order of a rebalance. */
export type RebalanceOrder = { ticker: string; side: 'buy' | 'sell'; quantity: number; drift: number };

/**
 * Orders that bring drifted positions back to target weights. Only assets whose weight is off
 * target by more than `driftThreshold` (absolute, default 0.05) trade, to their rounded-down
 * target share count; sells come first, and buys (largest shortfall first) are cut to the cash
 * the sells leave, so the account never goes below zero cash.
 *
 * @example
 * rebalanceOrders({ targetWeights: { A: 0.5, B: 0.5 }, positions: { A: 10 }, latestPrices: { A: 100, B: 50 }, cash: 0 });
 * // { orders: [{ ticker: 'A', side: 'sell', quantity: 5, drift: 0.5 }, { ticker: 'B', side: 'buy', quantity: 10, drift: -0.5 }], cashAfter: 0, portfolioValue: 1000 }
 */
export function rebalanceOrders(input: { targetWeights: Record<string, number>; positions: Record<string, number>; latestPrices: Record<string, number>; cash: number; driftThreshold?: number }): { orders: RebalanceOrder[]; cashAfter: number; portfolioValue: number } {
  const { targetWeights, positions, latestPrices, cash } = input;
  const threshold = input.driftThreshold ?? 0.05;
  if (!(Number.isFinite(threshold) && threshold >= 0)) throw new DeskError('invalid_number', `driftThreshold must be a finite weight >= 0 (got ${threshold})`, { field: 'driftThreshold' });
  if (!(Number.isFinite(cash) && cash >= 0)) throw new DeskError('invalid_number', `cash must be a finite amount >= 0 (got ${cash})`, { field: 'cash' });
  const tickers = [...new Set([...Object.keys(positions), ...Object.keys(targetWeights)])].sort();
  for (const ticker of tickers) {
    const price = latestPrices[ticker];
    if (!(Number.isFinite(price) && price > 0)) throw new DeskError('invalid_input', `latestPrices.${ticker} must be a price > 0 (got ${price})`, { field: 'latestPrices', ticker });
    const held = positions[ticker] ?? 0;
    const weight = targetWeights[ticker] ?? 0;
    if (!Number.isFinite(held) || !Number.isFinite(weight)) throw new DeskError('invalid_number', `positions.${ticker} and targetWeights.${ticker} must be finite`, { field: 'positions', ticker });
  }
  const portfolioValue = cash + tickers.reduce((sum, ticker) => sum + (positions[ticker] ?? 0) * latestPrices[ticker], 0);
  if (!(portfolioValue > 0)) throw new DeskError('invalid_input', `portfolio value must be > 0 to rebalance (got ${portfolioValue})`, { field: 'positions' });
  const wanted = tickers.flatMap((ticker) => {
    const held = positions[ticker] ?? 0;
    const drift = (held * latestPrices[ticker]) / portfolioValue - (targetWeights[ticker] ?? 0);
    if (Math.abs(drift) <= threshold) return [];
    const quantity = Math.trunc(((targetWeights[ticker] ?? 0) * portfolioValue) / latestPrices[ticker]) - held;
    return quantity === 0 ? [] : [{ ticker, drift, quantity }];
  });
  let cashAfter = cash;
  const orders: RebalanceOrder[] = [];
  for (const { ticker, drift, quantity } of wanted.filter((entry) => entry.quantity < 0)) {
    orders.push({ ticker, side: 'sell', quantity: -quantity, drift });
    cashAfter -= quantity * latestPrices[ticker];
  }
  for (const { ticker, drift, quantity } of wanted.filter((entry) => entry.quantity > 0).sort((left, right) => left.drift - right.drift)) {
    const affordable = Math.min(quantity, Math.floor(cashAfter / latestPrices[ticker] + 1e-9));
    if (affordable <= 0) continue;
    orders.push({ ticker, side: 'buy', quantity: affordable, drift });
    cashAfter -= affordable * latestPrices[ticker];
  }
  return { orders, cashAfter, portfolioValue };
}
