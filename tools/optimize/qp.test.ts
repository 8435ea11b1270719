import { describe, expect, it } from 'vitest';
import { createRng } from '../market/index.ts';
import { dot, multiply } from './linalg.ts';
import { solveQp } from './qp.ts';

describe('solveQp', () => {
  it('splits evenly when minimizing x² + y² with x + y = 1', () => {
    const solution = solveQp({ quadratic: [[2, 0], [0, 2]], linear: [0, 0], constraints: [[1, 1]], lower: [1], upper: [1] });
    expect(solution.polished).toBe(true);
    expect(solution.x[0]).toBeCloseTo(0.5, 12);
    expect(solution.x[1]).toBeCloseTo(0.5, 12);
  });

  it('matches the closed-form two-asset minimum-variance weights', () => {
    const [varianceA, varianceB, covariance] = [0.04, 0.09, 0.006];
    const solution = solveQp({
      quadratic: [[2 * varianceA, 2 * covariance], [2 * covariance, 2 * varianceB]],
      linear: [0, 0],
      constraints: [[1, 1], [1, 0], [0, 1]],
      lower: [1, 0, 0],
      upper: [1, 1, 1],
    });
    const expected = (varianceB - covariance) / (varianceA + varianceB - 2 * covariance);
    expect(solution.x[0]).toBeCloseTo(expected, 12);
    expect(solution.x[1]).toBeCloseTo(1 - expected, 12);
  });

  it('stops at an active upper bound with a positive multiplier', () => {
    const solution = solveQp({ quadratic: [[2]], linear: [-4], constraints: [[1]], lower: [0], upper: [1] });
    expect(solution.x[0]).toBeCloseTo(1, 12);
    expect(solution.duals[0]).toBeCloseTo(2, 10);
  });

  it('solves a linear program (P = 0) at a vertex', () => {
    const solution = solveQp({ quadratic: [[0, 0], [0, 0]], linear: [-1, -2], constraints: [[1, 1], [1, 0], [0, 1]], lower: [1, 0, 0], upper: [1, 1, 1] });
    expect(solution.x[0]).toBeCloseTo(0, 10);
    expect(solution.x[1]).toBeCloseTo(1, 10);
  });

  it('meets the KKT conditions on a random bounded problem', () => {
    const random = createRng(11);
    const size = 12;
    const factor = Array.from({ length: size }, () => Array.from({ length: size }, () => random() - 0.5));
    const quadratic = factor.map((row) => factor.map((other) => dot(row, other) + 0));
    quadratic.forEach((row, index) => (row[index] += 0.01));
    const linear = Array.from({ length: size }, () => random() - 0.5);
    const constraints = [new Array<number>(size).fill(1), ...quadratic.map((_, index) => quadratic.map((__, column) => (column === index ? 1 : 0)))];
    const lower = [1, ...new Array<number>(size).fill(-0.2)];
    const upper = [1, ...new Array<number>(size).fill(0.3)];
    const { x, duals } = solveQp({ quadratic, linear, constraints, lower, upper });
    const gradient = multiply(quadratic, x).map((value, index) => value + linear[index]);
    constraints.forEach((row, rowIndex) => row.forEach((value, column) => (gradient[column] += value * duals[rowIndex])));
    for (const value of gradient) expect(Math.abs(value)).toBeLessThan(1e-9);
    constraints.forEach((row, index) => {
      const value = dot(row, x);
      expect(value).toBeGreaterThanOrEqual(lower[index] - 1e-9);
      expect(value).toBeLessThanOrEqual(upper[index] + 1e-9);
      if (duals[index] > 1e-9) expect(value).toBeCloseTo(upper[index], 9);
      if (duals[index] < -1e-9) expect(value).toBeCloseTo(lower[index], 9);
    });
  });

  it('returns the same answer from a warm start', () => {
    const problem = { quadratic: [[2, 0], [0, 4]], linear: [-1, -1], constraints: [[1, 1]], lower: [1], upper: [1] };
    const cold = solveQp(problem);
    const warm = solveQp(problem, { warmStart: { x: cold.x, duals: cold.duals } });
    expect(warm.x[0]).toBeCloseTo(cold.x[0], 12);
    expect(warm.iterations).toBeLessThanOrEqual(cold.iterations);
  });

  it('refuses constraints that cannot all hold', () => {
    const problem = { quadratic: [[2]], linear: [0], constraints: [[1], [1]], lower: [2, -Infinity], upper: [Infinity, 1] };
    expect(() => solveQp(problem, { maxIterations: 2000 })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
