import { DeskError } from '../../core/index.ts';
import type { DiscreteAllocation } from './discrete-allocation.ts';
import { linearText, solveLp, type LpSolver, type Terms } from './lp.ts';

export type LpAllocationInput = { weights: Record<string, number>; latestPrices: Record<string, number>; totalValue: number; shortRatio?: number };

/**
 * Whole shares by integer programming, as PyPortfolioOpt's `lp_portfolio`: minimize the
 * leftover cash plus the L1 distance Σ|w_i V − x_i p_i| between target and held value, over
 * integers x_i ≥ 0 with Σ x_i p_i ≤ V; solved by HiGHS's MIP. With shorts, the long book (value
 * V) and the short book (value shortRatio × V, default the weights' short total) are solved apart.
 *
 * @example
 * lpAllocation({ weights: { A: 0.5, B: 0.5 }, latestPrices: { A: 30, B: 70 }, totalValue: 1000 }, highs);
 * // { shares: { A: 17, B: 7 }, leftover: 0 }
 */
export function lpAllocation(input: LpAllocationInput, solver: LpSolver): DiscreteAllocation {
  const entries = validate(input);
  const longs = entries.filter(([, weight]) => weight >= 0);
  const shorts = entries.filter(([, weight]) => weight < 0).map(([ticker, weight]): [string, number] => [ticker, -weight]);
  if (shorts.length === 0) return book(longs, input.latestPrices, input.totalValue, solver);
  const shortTotal = shorts.reduce((sum, [, weight]) => sum + weight, 0);
  const longBook = book(normalize(longs), input.latestPrices, input.totalValue, solver);
  const shortBook = book(normalize(shorts), input.latestPrices, input.totalValue * (input.shortRatio ?? shortTotal), solver);
  const shortShares = Object.fromEntries(Object.entries(shortBook.shares).map(([ticker, count]) => [ticker, -count]));
  return { shares: { ...longBook.shares, ...shortShares }, leftover: longBook.leftover + shortBook.leftover };
}

function book(entries: Array<[string, number]>, latestPrices: Record<string, number>, value: number, solver: LpSolver): DiscreteAllocation {
  if (entries.length === 0) return { shares: {}, leftover: value };
  const prices = entries.map(([ticker]) => latestPrices[ticker]);
  const x = entries.map((_, index) => `x${index}`);
  const u = entries.map((_, index) => `u${index}`);
  // Σu + (V − pᵀx): the constant V is left out of the objective.
  const objective: Terms = [...u.map((name): [number, string] => [1, name]), ...x.map((name, index): [number, string] => [-prices[index], name])];
  const rows = [` cash: ${linearText(x.map((name, index): [number, string] => [prices[index], name]))} <= ${value}`];
  entries.forEach(([, weight], index) => {
    rows.push(` over${index}: ${linearText([[1, u[index]], [prices[index], x[index]]])} >= ${weight * value}`);
    rows.push(` under${index}: ${linearText([[1, u[index]], [-prices[index], x[index]]])} >= ${-weight * value}`);
  });
  const problem = ['Minimize', ` obj: ${linearText(objective)}`, 'Subject To', ...rows, 'Bounds', ...x.map((name) => ` ${name} >= 0`), 'General', ` ${x.join(' ')}`, 'End'].join('\n');
  const { values } = solveLp(solver, problem, 'discrete allocation', { mip_rel_gap: 0 });
  const counts = x.map((name) => Math.round(values[name] ?? 0));
  const spent = counts.reduce((sum, count, index) => sum + count * prices[index], 0);
  const shares = Object.fromEntries(entries.map(([ticker], index) => [ticker, counts[index]]).filter(([, count]) => count !== 0));
  return { shares, leftover: value - spent };
}

function validate(input: LpAllocationInput): Array<[string, number]> {
  if (!(Number.isFinite(input.totalValue) && input.totalValue > 0)) throw new DeskError('invalid_number', `totalValue must be a finite amount > 0 (got ${input.totalValue})`, { field: 'totalValue' });
  if (input.shortRatio !== undefined && !(Number.isFinite(input.shortRatio) && input.shortRatio >= 0)) {
    throw new DeskError('invalid_number', `shortRatio must be a finite number >= 0 (got ${input.shortRatio})`, { field: 'shortRatio' });
  }
  return Object.entries(input.weights).map(([ticker, weight]) => {
    if (!Number.isFinite(weight)) throw new DeskError('invalid_number', `weights.${ticker} must be finite (got ${weight})`, { field: 'weights', ticker });
    const price = input.latestPrices[ticker];
    if (!(Number.isFinite(price) && price > 0)) throw new DeskError('invalid_input', `latestPrices.${ticker} must be a price > 0 (got ${price})`, { field: 'latestPrices', ticker });
    return [ticker, weight];
  });
}

function normalize(entries: Array<[string, number]>): Array<[string, number]> {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return entries.map(([ticker, weight]) => [ticker, total === 0 ? 0 : weight / total]);
}
