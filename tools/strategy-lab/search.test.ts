import { describe, expect, it } from 'vitest';
import { generateSyntheticBars } from '../market/index.ts';
import { getStrategy } from '../strategy/index.ts';
import { restrict, specBacktester } from './evaluator.ts';
import { searchParameters } from './search.ts';
import { knownSurface, twoAveragesSpec } from './test-fixtures.ts';

const sharpe = { metric: 'sharpe', direction: 'maximize' } as const;

describe('grid search', () => {
  it('walks every combination, last parameter fastest, and ranks by the objective', () => {
    const evaluate = knownSurface();
    const progress: string[] = [];
    const result = searchParameters(evaluate, twoAveragesSpec(), {
      method: 'grid', objective: sharpe, ranges: { fast: { values: [8, 12] }, slow: { min: 36, max: 44, step: 4 } },
    }, ({ done, total }) => progress.push(`${done}/${total}`));
    expect(result.evaluations.map((entry) => [entry.params.fast, entry.params.slow])).toEqual([[8, 36], [8, 40], [8, 44], [12, 36], [12, 40], [12, 44]]);
    expect(result.evaluations[0].params.k).toBeUndefined(); // not searched: the spec default applies
    expect(progress).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    expect(result.evaluated).toBe(6);
    // sharpe(12, 40) = 2 − 0.04 (k default 0.5 → (0.2)²) = 1.96; (12, 36) and (12, 44): 1.96 − 16/400 = 1.92; (8, 40): 1.96 − 0.16 = 1.8.
    expect(result.best?.params).toEqual({ fast: 12, slow: 40 });
    expect(result.best?.score).toBeCloseTo(1.96, 12);
    expect(result.ranked.map((entry) => entry.score)).toEqual([1.96, 1.92, 1.92, 1.8, 1.76, 1.76].map((value) => expect.closeTo(value, 12)));
    expect(result.ranked[1].params).toEqual({ fast: 12, slow: 36 }); // ties keep evaluation order
  });

  it('minimizes, and reports infeasible sets with the broken constraints instead of dropping them', () => {
    const result = searchParameters(knownSurface(), twoAveragesSpec(), {
      method: 'grid', objective: { metric: 'maxDrawdown', direction: 'minimize' },
      constraints: [{ metric: 'trades', op: 'gte', value: 30 }, { metric: 'maxDrawdown', op: 'lt', value: 0.2 }],
      ranges: { fast: { values: [5, 13, 25] }, slow: { values: [40] } },
    });
    expect(result.ranked.map((entry) => entry.params.fast)).toEqual([5]);
    expect(result.infeasible).toEqual([
      expect.objectContaining({ params: { fast: 25, slow: 40 }, feasible: false, violations: ['trades 15 is not >= 30', 'maxDrawdown 0.25 is not < 0.2'] }),
      expect.objectContaining({ params: { fast: 13, slow: 40 }, metrics: null, error: 'insufficient_data: fast 13 needs more bars' }),
    ]);
    expect(result.evaluated).toBe(3);
  });

  it('puts continuous parameters on gridPoints even points and refuses a grid above maxEvaluations', () => {
    const result = searchParameters(knownSurface(), twoAveragesSpec(), { method: 'grid', objective: sharpe, ranges: { k: { min: 0, max: 1 } }, gridPoints: 3, fixed: { fast: 12 } });
    expect(result.evaluations.map((entry) => entry.params)).toEqual([{ fast: 12, k: 0 }, { fast: 12, k: 0.5 }, { fast: 12, k: 1 }]);
    expect(() => searchParameters(knownSurface(), twoAveragesSpec(), { method: 'grid', objective: sharpe, maxEvaluations: 100 })).toThrow(
      expect.objectContaining({ code: 'invalid_input', message: expect.stringMatching(/^ranges: the grid has 5220 parameter sets \(fast: 29, slow: 36, k: 5\)/) }),
    );
  });

  it('refuses ranges outside the declaration or off its step, naming the parameter', () => {
    const spec = twoAveragesSpec();
    expect(() => searchParameters(knownSurface(), spec, { method: 'grid', objective: sharpe, ranges: { width: { values: [1] } } })).toThrow(/ranges.width: unknown parameter of fixture; declared: fast, slow, k/);
    expect(() => searchParameters(knownSurface(), spec, { method: 'grid', objective: sharpe, ranges: { slow: { min: 11, max: 20 } } })).toThrow(/ranges.slow: 11 is not allowed: params.slow: must be 10 plus a multiple of 2/);
    expect(() => searchParameters(knownSurface(), spec, { method: 'grid', objective: sharpe, ranges: { fast: { min: 1, max: 5 } } })).toThrow(/ranges.fast: 1 is not allowed/);
  });

  it('finds the best of a real backtest grid, as running each set by hand does', () => {
    const series = generateSyntheticBars({ symbol: 'SYN', seed: 4, startDate: '2021-01-04', endDate: '2023-12-29', initialPrice: 50, annualDrift: 0.08, annualVolatility: 0.3 });
    const spec = getStrategy('sma_crossover');
    const backtest = specBacktester(series, spec, { initialCash: 100_000, commissionRate: 0.001 });
    const result = searchParameters(restrict(backtest), spec, { method: 'grid', objective: sharpe, ranges: { fast: { values: [5, 10, 15] }, slow: { values: [20, 40, 60] } } });
    const byHand = [5, 10, 15].flatMap((fast) => [20, 40, 60].map((slow) => ({ fast, slow, sharpe: backtest({ fast, slow }).metrics.sharpe })));
    const top = byHand.reduce((best, entry) => (entry.sharpe > best.sharpe ? entry : best));
    expect(result.best?.params).toEqual({ fast: top.fast, slow: top.slow });
    expect(result.best?.score).toBe(top.sharpe);
    expect(result.best?.metrics).toEqual(backtest({ fast: top.fast, slow: top.slow }).metrics);
  });
});

describe('random and genetic search', () => {
  it('draws seeded sets inside the space, reproducibly, running each distinct set once', () => {
    const options = { method: 'random', objective: sharpe, samples: 40, seed: 9 } as const;
    const first = knownSurface();
    const one = searchParameters(first, twoAveragesSpec(), options);
    const two = searchParameters(knownSurface(), twoAveragesSpec(), options);
    expect(two).toEqual(one);
    expect(first.calls).toBe(one.evaluated);
    expect(searchParameters(knownSurface(), twoAveragesSpec(), { ...options, seed: 10 }).evaluations).not.toEqual(one.evaluations);
    for (const { params } of one.evaluations) {
      expect(Number.isInteger(params.fast) && params.fast >= 2 && params.fast <= 30).toBe(true);
      expect(params.slow % 2 === 0 && params.slow >= 10 && params.slow <= 80).toBe(true);
      expect(params.k >= 0 && params.k <= 1).toBe(true);
    }
  });

  it('evolves to the optimum of a smooth surface, staying on integers and steps, reproducibly', () => {
    const options = { method: 'genetic', objective: sharpe, seed: 3, ranges: { fast: { min: 2, max: 30 }, slow: { min: 10, max: 80 } }, genetic: { population: 20, generations: 15 } } as const;
    const progress: Array<[number, number]> = [];
    const result = searchParameters(knownSurface(), twoAveragesSpec(), options, ({ done, total }) => progress.push([done, total]));
    expect(progress.at(-1)).toEqual([20 + 14 * 18, 20 + 14 * 18]); // elites (2) are carried, not re-run
    expect(result.best?.params).toEqual({ fast: 12, slow: 40 });
    expect(result.evaluations.every(({ params }) => Number.isInteger(params.fast) && params.slow % 2 === 0)).toBe(true);
    expect(result.evaluated).toBeLessThan(20 + 14 * 18); // repeats are not backtested again
    expect(searchParameters(knownSurface(), twoAveragesSpec(), options)).toEqual(result);
  });

  it('refuses bad genetic settings, naming the field', () => {
    expect(() => searchParameters(knownSurface(), twoAveragesSpec(), { method: 'genetic', objective: sharpe, genetic: { population: 4, elite: 4 } })).toThrow(/genetic.elite \(4\) must be smaller than genetic.population \(4\)/);
    expect(() => searchParameters(knownSurface(), twoAveragesSpec(), { method: 'genetic', objective: sharpe, genetic: { mutationRate: 2 } })).toThrow(/genetic.mutationRate must be a fraction in \[0, 1\]/);
  });
});
