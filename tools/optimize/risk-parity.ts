import { DeskError } from '../../core/index.ts';
import type { Matrix } from './linalg.ts';
import { finish, type OptimizedPortfolio } from './mean-variance.ts';
import { requireCovariance, requireFiniteVector } from './validate.ts';

/**
 * Equal risk contribution (or given risk budgets): long-only weights where each asset's share
 * of portfolio variance wᵢ(Σw)ᵢ / wᵀΣw equals its budget. Cyclical coordinate descent on
 * ½xᵀΣx - Σ bᵢ ln xᵢ (Griveau-Billion, Richard & Roncalli 2013), each step a closed-form root.
 *
 * @example
 * riskParity({ tickers: ['A', 'B'], covariance: [[0.04, 0], [0, 0.16]] }).weights; // { A: 0.66667, B: 0.33333 }
 */
export function riskParity(input: { tickers: string[]; covariance: Matrix; budgets?: number[]; expectedReturns?: number[]; riskFreeRate?: number }): OptimizedPortfolio {
  const size = input.tickers.length;
  requireCovariance(input.covariance, size);
  const budgets = input.budgets ?? new Array<number>(size).fill(1 / size);
  requireFiniteVector('budgets', budgets, size);
  if (budgets.some((value) => value <= 0)) throw new DeskError('invalid_number', 'budgets must all be > 0', { field: 'budgets' });
  const budgetTotal = budgets.reduce((sum, value) => sum + value, 0);
  const shares = budgets.map((value) => value / budgetTotal);
  const { covariance } = input;
  if (covariance.some((row, index) => !(row[index] > 0))) throw new DeskError('invalid_input', 'every asset needs a variance > 0 for risk parity', { field: 'covariance' });
  const x = covariance.map((row, index) => 1 / Math.sqrt(row[index]));
  for (let sweep = 0; sweep < 10_000; sweep++) {
    let change = 0;
    for (let index = 0; index < size; index++) {
      let cross = 0;
      for (let other = 0; other < size; other++) if (other !== index) cross += covariance[index][other] * x[other];
      const variance = covariance[index][index];
      const next = (-cross + Math.sqrt(cross * cross + 4 * variance * shares[index])) / (2 * variance);
      change = Math.max(change, Math.abs(next - x[index]) / x[index]);
      x[index] = next;
    }
    if (change < 1e-13) break;
  }
  const total = x.reduce((sum, value) => sum + value, 0);
  const expectedReturns = input.expectedReturns ?? new Array<number>(size).fill(0);
  requireFiniteVector('expectedReturns', expectedReturns, size);
  return finish({ tickers: input.tickers, expectedReturns, covariance, riskFreeRate: input.riskFreeRate }, x.map((value) => value / total));
}
