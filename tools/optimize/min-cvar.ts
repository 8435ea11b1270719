import { DeskError } from '../../core/index.ts';
import { portfolioConstraints, type WeightBounds } from './constraints.ts';
import { linearText, solveLp, type LpSolver, type Terms } from './lp.ts';
import { cleanWeights } from './portfolio.ts';

export type MinCvarInput = {
  tickers: string[];
  /** Scenario returns, one row per period with a value for every ticker (e.g. daily returns). */
  scenarios: number[][];
  /** Annual expected returns, for the optional target and the reported expected return. */
  expectedReturns?: number[];
  /** CVaR confidence β: the mean loss of the worst (1 − β) of scenarios. Default 0.95. */
  beta?: number;
  /** Default long-only [0, 1]. */
  weightBounds?: WeightBounds;
  /** Require expectedReturnsᵀw ≥ targetReturn (PyPortfolioOpt's efficient_return). */
  targetReturn?: number;
};

export type MinCvarPortfolio = {
  weights: Record<string, number>;
  rawWeights: number[];
  /** Per-period CVaR (expected shortfall) of the scenarios at β, a loss as a positive fraction. */
  cvar: number;
  /** Per-period VaR at β (the LP's α). */
  valueAtRisk: number;
  /** expectedReturnsᵀw when expected returns are given, else null. */
  expectedReturn: number | null;
};

/**
 * Minimum-CVaR weights by the Rockafellar–Uryasev linear program, solved by HiGHS:
 * minimize α + Σ u_t / (T (1 − β)) subject to u_t ≥ −r_tᵀw − α, u_t ≥ 0, Σw = 1, bounds, and
 * optionally μᵀw ≥ target. Same formulation as PyPortfolioOpt's EfficientCVaR.
 *
 * @example
 * // β = 0.75 of 4 scenarios: CVaR is the worst loss, least at A = 4/19 (losses 0.12a − 0.02 = 0.02 − 0.07a).
 * minCvar({ tickers: ['A', 'B'], scenarios: [[-0.1, 0.02], [0.05, -0.02], [0.02, 0.01], [0.03, 0]], beta: 0.75 }, highs);
 * // { weights: { A: 0.21053, B: 0.78947 }, cvar: 0.0052632, ... }
 */
export function minCvar(input: MinCvarInput, solver: LpSolver): MinCvarPortfolio {
  const beta = input.beta ?? 0.95;
  const bounds = validateCvarInput(input, beta);
  const names = input.tickers.map((_, index) => `w${index}`);
  const periods = input.scenarios.length;
  const tail = 1 / (periods * (1 - beta));
  const objective: Terms = [[1, 'alpha'], ...input.scenarios.map((_, row): [number, string] => [tail, `u${row}`])];
  const rows = input.scenarios.map((scenario, row) => ` s${row}: ${linearText([...scenario.map((value, index): [number, string] => [value, names[index]]), [1, 'alpha'], [1, `u${row}`]])} >= 0`);
  rows.push(` budget: ${linearText(names.map((name): [number, string] => [1, name]))} = 1`);
  if (input.targetReturn !== undefined) rows.push(` target: ${linearText(input.expectedReturns!.map((value, index): [number, string] => [value, names[index]]))} >= ${input.targetReturn}`);
  const boundLines = names.map((name, index) => ` ${bounds[index].lower === -Infinity ? '-inf' : bounds[index].lower} <= ${name} <= ${bounds[index].upper === Infinity ? '+inf' : bounds[index].upper}`);
  const problem = ['Minimize', ` obj: ${linearText(objective)}`, 'Subject To', ...rows, 'Bounds', ...boundLines, ' alpha free', 'End'].join('\n');
  const { objective: cvar, values } = solveLp(solver, problem, 'min-cvar');
  const rawWeights = names.map((name) => values[name] ?? 0);
  const expectedReturn = input.expectedReturns ? rawWeights.reduce((sum, weight, index) => sum + weight * input.expectedReturns![index], 0) : null;
  return { weights: cleanWeights(input.tickers, rawWeights), rawWeights, cvar, valueAtRisk: values.alpha ?? 0, expectedReturn };
}

function validateCvarInput(input: MinCvarInput, beta: number): Array<{ lower: number; upper: number }> {
  const size = input.tickers.length;
  if (!(beta > 0 && beta < 1)) throw new DeskError('invalid_input', `beta must be in (0, 1), e.g. 0.95 (got ${beta})`, { field: 'beta' });
  if (input.scenarios.length < 2) throw new DeskError('insufficient_data', `min-cvar needs at least 2 scenarios (got ${input.scenarios.length})`, { field: 'scenarios' });
  input.scenarios.forEach((row, index) => {
    if (row.length !== size || !row.every(Number.isFinite)) throw new DeskError('invalid_number', `scenarios[${index}] must hold ${size} finite returns`, { field: 'scenarios' });
  });
  if (input.targetReturn !== undefined) {
    if (!Number.isFinite(input.targetReturn)) throw new DeskError('invalid_number', `targetReturn must be finite (got ${input.targetReturn})`, { field: 'targetReturn' });
    if (!input.expectedReturns || input.expectedReturns.length !== size || !input.expectedReturns.every(Number.isFinite)) {
      throw new DeskError('invalid_input', `a targetReturn needs ${size} finite expectedReturns`, { field: 'expectedReturns' });
    }
  }
  return portfolioConstraints(input.tickers, { weightBounds: input.weightBounds }).slice(0, size);
}

/**
 * The rows of a returns table where every ticker has a return (PyPortfolioOpt's `dropna()`).
 * @example completeRows({ returns: [[0.1, null], [0.2, 0.1]] }) // [[0.2, 0.1]]
 */
export function completeRows(table: { returns: Array<Array<number | null>> }): number[][] {
  return table.returns.filter((row) => row.every((value) => value !== null)) as number[][];
}
