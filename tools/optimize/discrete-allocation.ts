import { DeskError } from '../../core/index.ts';

/** Whole shares per ticker (negative for shorts) and the cash left over. */
export type DiscreteAllocation = { shares: Record<string, number>; leftover: number };

/**
 * Turn weights into whole shares the way PyPortfolioOpt's `greedy_portfolio` does: buy the
 * rounded-down share count of each weight, then one share at a time of the asset furthest
 * below its weight that the cash still affords. With shorts, longs and shorts are allocated
 * separately; the short book is worth `shortRatio` × value (default: the weights' short total).
 *
 * @example
 * greedyAllocation({ weights: { A: 0.5, B: 0.5 }, latestPrices: { A: 30, B: 70 }, totalValue: 1000 });
 * // { shares: { A: 17, B: 7 }, leftover: 0 }
 */
export function greedyAllocation(input: { weights: Record<string, number>; latestPrices: Record<string, number>; totalValue: number; shortRatio?: number; reinvest?: boolean }): DiscreteAllocation {
  const { weights, latestPrices, totalValue } = input;
  if (!(Number.isFinite(totalValue) && totalValue > 0)) throw new DeskError('invalid_number', `totalValue must be a finite amount > 0 (got ${totalValue})`, { field: 'totalValue' });
  for (const [ticker, weight] of Object.entries(weights)) {
    if (!Number.isFinite(weight)) throw new DeskError('invalid_number', `weights.${ticker} must be finite (got ${weight})`, { field: 'weights', ticker });
    const price = latestPrices[ticker];
    if (!(Number.isFinite(price) && price > 0)) throw new DeskError('invalid_input', `latestPrices.${ticker} must be a price > 0 (got ${price})`, { field: 'latestPrices', ticker });
  }
  const entries = Object.entries(weights);
  if (entries.every(([, weight]) => weight >= 0)) return longOnly(entries, latestPrices, totalValue);
  const longs = entries.filter(([, weight]) => weight >= 0);
  const shorts = entries.filter(([, weight]) => weight < 0).map(([ticker, weight]): [string, number] => [ticker, -weight]);
  const shortTotal = shorts.reduce((sum, [, weight]) => sum + weight, 0);
  const shortValue = totalValue * (input.shortRatio ?? shortTotal);
  const longBook = longOnly(normalize(longs), latestPrices, totalValue + (input.reinvest ? shortValue : 0));
  const shortBook = longOnly(normalize(shorts), latestPrices, shortValue);
  const shares = { ...longBook.shares, ...Object.fromEntries(Object.entries(shortBook.shares).map(([ticker, count]) => [ticker, -count])) };
  return { shares, leftover: longBook.leftover + shortBook.leftover };
}

function longOnly(entries: Array<[string, number]>, latestPrices: Record<string, number>, totalValue: number): DiscreteAllocation {
  const sorted = [...entries].sort((left, right) => right[1] - left[1]);
  const prices = sorted.map(([ticker]) => latestPrices[ticker]);
  const ideal = sorted.map(([, weight]) => weight);
  const bought = ideal.map((weight, index) => Math.trunc((weight * totalValue) / prices[index]));
  let available = totalValue - bought.reduce((sum, count, index) => sum + count * prices[index], 0);
  while (available > 0) {
    const held = bought.map((count, index) => count * prices[index]);
    const heldTotal = held.reduce((sum, value) => sum + value, 0);
    const deficit = ideal.map((weight, index) => weight - (heldTotal === 0 ? 0 : held[index] / heldTotal));
    let pick = argmax(deficit);
    let tries = 0;
    while (prices[pick] > available) {
      deficit[pick] = 0;
      pick = argmax(deficit);
      if (deficit[pick] < 0 || tries === 10) break;
      tries++;
    }
    if (deficit[pick] <= 0 || tries === 10 || prices[pick] > available) break;
    bought[pick] += 1;
    available -= prices[pick];
  }
  const shares = Object.fromEntries(sorted.map(([ticker], index) => [ticker, bought[index]]).filter(([, count]) => count !== 0));
  return { shares, leftover: available };
}

function normalize(entries: Array<[string, number]>): Array<[string, number]> {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return entries.map(([ticker, weight]) => [ticker, total === 0 ? 0 : weight / total]);
}

function argmax(values: number[]): number {
  let best = 0;
  for (let index = 1; index < values.length; index++) if (values[index] > values[best]) best = index;
  return best;
}
