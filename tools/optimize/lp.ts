import { DeskError } from '../../core/index.ts';

/**
 * The part of a loaded HiGHS (the `highs` package: `await highsLoader()`) the optimizers use:
 * solve an LP/MIP given as CPLEX LP text. Loading is async and done once by the caller (MCP
 * server, CLI); the optimizers stay pure functions of the loaded solver.
 */
export interface LpSolver {
  solve(problem: string, options?: Record<string, unknown>): LpSolution;
}

export interface LpSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number }>;
}

/** A linear term list: [coefficient, variable name] pairs. */
export type Terms = Array<[number, string]>;

/**
 * Terms as LP text, e.g. `+ 0.5 w0 - 2 u1`. Coefficients are written with full precision.
 * @example linearText([[0.5, 'w0'], [-2, 'u1']]) // '+ 0.5 w0 - 2 u1'
 */
export function linearText(terms: Terms): string {
  return terms.filter(([coefficient]) => coefficient !== 0).map(([coefficient, name]) => `${coefficient < 0 ? '-' : '+'} ${Math.abs(coefficient)} ${name}`).join(' ') || '0 zero';
}

/**
 * Solve an LP/MIP and return the optimal primal values by column name; anything but an optimal
 * status is DeskError('invalid_input') naming the status (infeasible constraints, usually).
 *
 * @example solveLp(highs, 'Minimize\n obj: + 1 x\nSubject To\n c: + 1 x >= 2\nEnd', 'min-cvar').values.x // 2
 */
export function solveLp(solver: LpSolver, problem: string, what: string, options: Record<string, unknown> = {}): { objective: number; values: Record<string, number> } {
  const solution = solver.solve(problem, { log_to_console: false, output_flag: false, ...options });
  if (solution.Status !== 'Optimal') {
    throw new DeskError('invalid_input', `${what} has no optimal solution (HiGHS status "${solution.Status}"): check the bounds and the target`, { field: 'target', status: solution.Status });
  }
  const values = Object.fromEntries(Object.entries(solution.Columns).map(([name, column]) => [name, column.Primal]));
  return { objective: solution.ObjectiveValue, values };
}
