import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDeskError } from '../../core/index.ts';
import type { LpSolver } from './lp.ts';
import { completeRows, minCvar } from './min-cvar.ts';

const SCENARIOS = [[-0.1, 0.02], [0.05, -0.02], [0.02, 0.01], [0.03, 0]];
let highs: LpSolver;
beforeAll(async () => {
  highs = (await (highsLoader as unknown as () => Promise<unknown>)()) as LpSolver;
});

describe('minCvar', () => {
  it('minimizes the worst loss when the tail is one scenario (hand-solved: A = 4/19)', () => {
    // Losses of (a, 1 − a): 0.12a − 0.02, 0.02 − 0.07a, −0.01 − 0.01a, −0.03a; the max is least where the first two meet.
    const result = minCvar({ tickers: ['A', 'B'], scenarios: SCENARIOS, beta: 0.75 }, highs);
    expect(result.rawWeights[0]).toBeCloseTo(4 / 19, 9);
    expect(result.cvar).toBeCloseTo(0.1 / 19, 9);
    expect(result.weights).toEqual({ A: 0.21053, B: 0.78947 });
    expect(result.expectedReturn).toBeNull();
  });

  it('averages the worst half at beta 0.5', () => {
    // CVaR at 0.5 is the mean of the two worst losses; compare with a grid search over a.
    const result = minCvar({ tickers: ['A', 'B'], scenarios: SCENARIOS, beta: 0.5 }, highs);
    const cvarAt = (a: number) => {
      const losses = SCENARIOS.map(([ra, rb]) => -(ra * a + rb * (1 - a))).sort((left, right) => right - left);
      return (losses[0] + losses[1]) / 2;
    };
    const best = Math.min(...Array.from({ length: 10_001 }, (_, step) => cvarAt(step / 10_000)));
    expect(result.cvar).toBeLessThanOrEqual(best + 1e-12);
    expect(result.cvar).toBeCloseTo(best, 5);
    expect(cvarAt(result.rawWeights[0])).toBeCloseTo(result.cvar, 9);
  });

  it('meets a target return and weight bounds', () => {
    const targeted = minCvar({ tickers: ['A', 'B'], scenarios: SCENARIOS, beta: 0.75, expectedReturns: [0.2, 0.05], targetReturn: 0.15 }, highs);
    expect(targeted.rawWeights[0]).toBeCloseTo(2 / 3, 9);
    expect(targeted.cvar).toBeCloseTo(0.06, 9);
    expect(targeted.expectedReturn).toBeCloseTo(0.15, 9);
    const bounded = minCvar({ tickers: ['A', 'B'], scenarios: SCENARIOS, beta: 0.75, weightBounds: [0.3, 1] }, highs);
    expect(bounded.rawWeights[0]).toBeCloseTo(0.3, 9);
    expect(bounded.cvar).toBeCloseTo(0.016, 9);
  });

  it('refuses an unreachable target, bad beta, bounds that cannot sum to 1 and non-finite returns', () => {
    const cases = [
      () => minCvar({ tickers: ['A', 'B'], scenarios: SCENARIOS, expectedReturns: [0.2, 0.05], targetReturn: 0.5 }, highs),
      () => minCvar({ tickers: ['A', 'B'], scenarios: SCENARIOS, beta: 1 }, highs),
      () => minCvar({ tickers: ['A', 'B'], scenarios: SCENARIOS, weightBounds: [0, 0.4] }, highs),
      () => minCvar({ tickers: ['A', 'B'], scenarios: [[Number.NaN, 0], [0, 0]] }, highs),
      () => minCvar({ tickers: ['A', 'B'], scenarios: SCENARIOS, targetReturn: 0.1 }, highs),
    ];
    for (const run of cases) expect(isDeskError((() => { try { run(); } catch (error) { return error; } })())).toBe(true);
  });

  it('keeps only the rows where every asset has a return', () => {
    expect(completeRows({ returns: [[0.1, null], [0.2, 0.1]] })).toEqual([[0.2, 0.1]]);
  });
});
