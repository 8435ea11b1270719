import { DeskError } from '../../core/index.ts';
import { choleskyFactor, choleskySolve, type Matrix } from './linalg.ts';
import { polishSolution } from './qp-polish.ts';

/**
 * minimize ½ xᵀ P x + qᵀ x subject to lower ≤ A x ≤ upper (±Infinity for a free side;
 * lower = upper for an equality). P must be symmetric positive semi-definite.
 */
export type QuadraticProgram = { quadratic: Matrix; linear: number[]; constraints: Matrix; lower: number[]; upper: number[] };

export type QpOptions = { maxIterations?: number; tolerance?: number; warmStart?: { x: number[]; duals: number[] } };

/** x, the constraint multipliers (negative at an active lower side, positive at an upper side), and how it was reached. */
export type QpSolution = { x: number[]; duals: number[]; iterations: number; polished: boolean; primalResidual: number; dualResidual: number };

const SIGMA = 1e-6;
const ALPHA = 1.6;

/**
 * Solve a convex QP by ADMM (the OSQP splitting: one Cholesky factor of P + σI + Aᵀ ρ A,
 * adaptive ρ), then "polish": guess the active set from the multipliers and solve its KKT
 * system exactly, so the answer is exact whenever the guess is right.
 *
 * @example
 * // min x² + y² subject to x + y = 1  ->  x = y = 0.5
 * solveQp({ quadratic: [[2, 0], [0, 2]], linear: [0, 0], constraints: [[1, 1]], lower: [1], upper: [1] }).x; // [0.5, 0.5]
 */
export function solveQp(problem: QuadraticProgram, options: QpOptions = {}): QpSolution {
  const { quadratic, linear, constraints, lower, upper } = problem;
  const size = linear.length;
  const rows = constraints.length;
  if (lower.length !== rows || upper.length !== rows) {
    throw new DeskError('invalid_input', `lower and upper must have one entry per constraint row (${rows})`, { field: 'constraints' });
  }
  const maxIterations = options.maxIterations ?? 20_000;
  let tolerance = options.tolerance ?? 1e-5;
  const flatA = new Float64Array(rows * size);
  constraints.forEach((row, index) => flatA.set(row, index * size));
  const kind = lower.map((low, index) => (low === upper[index] ? 1e3 : low === -Infinity && upper[index] === Infinity ? 1e-6 : 1));
  let rho = 0.1;
  const rhoVector = new Float64Array(rows);
  let factor: Float64Array = new Float64Array(0);
  const refactor = () => {
    kind.forEach((scale, index) => (rhoVector[index] = rho * scale));
    const system = new Float64Array(size * size);
    for (let row = 0; row < size; row++) for (let column = 0; column < size; column++) system[row * size + column] = quadratic[row][column];
    for (let index = 0; index < size; index++) system[index * size + index] += SIGMA;
    for (let row = 0; row < rows; row++) {
      const weight = rhoVector[row];
      const offset = row * size;
      for (let left = 0; left < size; left++) {
        const value = flatA[offset + left] * weight;
        if (value !== 0) for (let right = 0; right < size; right++) system[left * size + right] += value * flatA[offset + right];
      }
    }
    factor = choleskyFactor(system, size);
  };
  refactor();
  const x = Float64Array.from(options.warmStart?.x ?? new Array<number>(size).fill(0));
  const duals = Float64Array.from(options.warmStart?.duals ?? new Array<number>(rows).fill(0));
  const slack = Float64Array.from(multiplyFlat(flatA, rows, size, x), (value, index) => clamp(value, lower[index], upper[index]));
  const rhs = new Float64Array(size);
  const weighted = new Float64Array(rows);
  let residuals = { primal: Infinity, dual: Infinity, primalScale: 1, dualScale: 1 };
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    for (let row = 0; row < rows; row++) weighted[row] = rhoVector[row] * slack[row] - duals[row];
    for (let column = 0; column < size; column++) rhs[column] = SIGMA * x[column] - linear[column];
    for (let row = 0; row < rows; row++) {
      const value = weighted[row];
      if (value !== 0) for (let column = 0, offset = row * size; column < size; column++) rhs[column] += flatA[offset + column] * value;
    }
    const tilde = choleskySolve(factor, size, rhs);
    const tildeSlack = multiplyFlat(flatA, rows, size, tilde);
    for (let column = 0; column < size; column++) x[column] = ALPHA * tilde[column] + (1 - ALPHA) * x[column];
    for (let row = 0; row < rows; row++) {
      const relaxed = ALPHA * tildeSlack[row] + (1 - ALPHA) * slack[row];
      const next = clamp(relaxed + duals[row] / rhoVector[row], lower[row], upper[row]);
      duals[row] += rhoVector[row] * (relaxed - next);
      slack[row] = next;
    }
    if (iteration % 10 !== 0) continue;
    residuals = measureResiduals(problem, flatA, x, slack, duals);
    const converged = residuals.primal <= tolerance * (1 + residuals.primalScale) && residuals.dual <= tolerance * (1 + residuals.dualScale);
    if (converged) {
      const polished = polishSolution(problem, Array.from(x), Array.from(slack), Array.from(duals));
      if (polished) return { ...polished, iterations: iteration, polished: true, primalResidual: 0, dualResidual: 0 };
      if (tolerance < 1e-9) return { x: Array.from(x), duals: Array.from(duals), iterations: iteration, polished: false, primalResidual: residuals.primal, dualResidual: residuals.dual };
      tolerance /= 100;
    }
    if (iteration % 50 === 0) {
      const ratio = Math.sqrt(residuals.primal / Math.max(residuals.primalScale, 1e-30) / Math.max(residuals.dual / Math.max(residuals.dualScale, 1e-30), 1e-30));
      const next = clamp(rho * ratio, 1e-6, 1e6);
      if (next > 5 * rho || next < rho / 5) {
        rho = next;
        refactor();
      }
    }
  }
  if (residuals.primal > 1e-4 * (1 + residuals.primalScale)) {
    throw new DeskError('invalid_input', `constraints look infeasible: no feasible point after ${maxIterations} iterations (primal residual ${residuals.primal.toExponential(2)}); loosen bounds, sector limits or the target`, { field: 'constraints', primalResidual: residuals.primal });
  }
  return { x: Array.from(x), duals: Array.from(duals), iterations: maxIterations, polished: false, primalResidual: residuals.primal, dualResidual: residuals.dual };
}

function measureResiduals(problem: QuadraticProgram, flatA: Float64Array, x: Float64Array, slack: Float64Array, duals: Float64Array) {
  const size = x.length;
  const rows = slack.length;
  const ax = multiplyFlat(flatA, rows, size, x);
  let primal = 0;
  let primalScale = 0;
  for (let row = 0; row < rows; row++) {
    primal = Math.max(primal, Math.abs(ax[row] - slack[row]));
    primalScale = Math.max(primalScale, Math.abs(ax[row]), Math.abs(slack[row]));
  }
  const stationarity = new Float64Array(size);
  let dualScale = 0;
  for (let row = 0; row < size; row++) {
    let px = 0;
    for (let column = 0; column < size; column++) px += problem.quadratic[row][column] * x[column];
    let aty = 0;
    for (let index = 0; index < rows; index++) aty += flatA[index * size + row] * duals[index];
    stationarity[row] = px + problem.linear[row] + aty;
    dualScale = Math.max(dualScale, Math.abs(px), Math.abs(aty), Math.abs(problem.linear[row]));
  }
  const dual = stationarity.reduce((worst, value) => Math.max(worst, Math.abs(value)), 0);
  return { primal, dual, primalScale, dualScale };
}

function multiplyFlat(flat: Float64Array, rows: number, size: number, vector: ArrayLike<number>): Float64Array {
  const result = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    let sum = 0;
    for (let column = 0, offset = row * size; column < size; column++) sum += flat[offset + column] * vector[column];
    result[row] = sum;
  }
  return result;
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
