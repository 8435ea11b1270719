import { dot, luSolver } from './linalg.ts';
import type { QuadraticProgram } from './qp.ts';

const REGULARIZATION = 1e-10;
const FEASIBILITY = 1e-8;

/**
 * Given an approximate ADMM answer, take the rows it holds at a bound as the active set and
 * solve the equality-constrained KKT system [P Aₐᵀ; Aₐ 0][x; y] = [-q; b] (regularized, then
 * refined against the exact system). Returns null when the guess is wrong: a violated row or
 * a multiplier of the wrong sign.
 *
 * @example
 * polishSolution(problem, admm.x, admm.slack, admm.duals); // { x, duals } or null
 */
export function polishSolution(problem: QuadraticProgram, x: number[], slack: number[], duals: number[]): { x: number[]; duals: number[] } | null {
  const { quadratic, linear, constraints, lower, upper } = problem;
  const size = x.length;
  const active: Array<{ row: number; bound: number; side: 'equal' | 'lower' | 'upper' }> = [];
  slack.forEach((value, row) => {
    if (lower[row] === upper[row]) active.push({ row, bound: lower[row], side: 'equal' });
    else if (value - lower[row] < -duals[row]) active.push({ row, bound: lower[row], side: 'lower' });
    else if (upper[row] - value < duals[row]) active.push({ row, bound: upper[row], side: 'upper' });
  });
  const total = size + active.length;
  const exact = Array.from({ length: total }, () => new Array<number>(total).fill(0));
  for (let row = 0; row < size; row++) for (let column = 0; column < size; column++) exact[row][column] = quadratic[row][column];
  active.forEach(({ row }, index) => {
    for (let column = 0; column < size; column++) {
      exact[size + index][column] = constraints[row][column];
      exact[column][size + index] = constraints[row][column];
    }
  });
  const regularized = exact.map((row, index) => row.map((value, column) => (index === column ? value + (index < size ? REGULARIZATION : -REGULARIZATION) : value)));
  const solve = luSolver(regularized);
  if (!solve) return null;
  const target = [...linear.map((value) => -value), ...active.map(({ bound }) => bound)];
  let solution = solve(target);
  for (let step = 0; step < 5; step++) {
    const residual = target.map((value, index) => value - dot(exact[index], solution));
    const correction = solve(residual);
    solution = solution.map((value, index) => value + correction[index]);
  }
  if (!solution.every(Number.isFinite)) return null;
  const polishedX = solution.slice(0, size);
  const polishedDuals = new Array<number>(lower.length).fill(0);
  for (const [index, { row, side }] of active.entries()) {
    const multiplier = solution[size + index];
    if ((side === 'lower' && multiplier > FEASIBILITY) || (side === 'upper' && multiplier < -FEASIBILITY)) return null;
    polishedDuals[row] = multiplier;
  }
  for (let row = 0; row < lower.length; row++) {
    const value = dot(constraints[row], polishedX);
    const scale = 1 + Math.abs(value);
    if (value < lower[row] - FEASIBILITY * scale || value > upper[row] + FEASIBILITY * scale) return null;
  }
  return { x: polishedX, duals: polishedDuals };
}
