import { describe, expect, it } from 'vitest';
import type { StrategySpec } from '../../core/index.ts';
import { specHash } from './canonical.ts';
import { compileSpec } from './compile.ts';
import { getStrategy } from './library/index.ts';

describe('compileSpec', () => {
  it('fills defaults and binds parameters into the tree', () => {
    const spec = getStrategy('sma_crossover');
    const compiled = compileSpec(spec, { fast: 5 });
    expect(compiled.params).toEqual({ fast: 5, slow: 30 });
    expect(compiled.entry).toEqual({
      op: 'crossAbove',
      args: [{ indicator: 'sma', input: { price: 'close' }, period: 5 }, { indicator: 'sma', input: { price: 'close' }, period: 30 }],
    });
    expect(compiled.hash).toBe(specHash(spec));
  });

  it('lists every bad parameter: unknown, out of range, off the step grid', () => {
    const spec = getStrategy('bollinger_breakout'); // k: 0.5..4 step 0.25
    expect(() => compileSpec(spec, { period: 500, k: 2.1, width: 3 })).toThrow(expect.objectContaining({
      code: 'invalid_input',
      details: {
        issues: [
          'params.width: unknown parameter; declared: period, k',
          'params.period: must lie within [5, 100] (got 500)',
          'params.k: must be 0.5 plus a multiple of 0.25 (got 2.1)',
        ],
      },
    }));
    expect(compileSpec(spec, { k: 2.25 }).params.k).toBe(2.25);
  });

  it('refuses non-finite values', () => {
    expect(() => compileSpec(getStrategy('sma_crossover'), { fast: Number.NaN })).toThrow(/params.fast: must be a finite number/);
  });

  it('refuses a fractional parameter where a bar count is needed, naming where it is used', () => {
    const spec: StrategySpec = {
      ...getStrategy('sma_crossover'),
      parameters: { fast: { default: 2.5, min: 1, max: 10 }, slow: { default: 30, min: 2, max: 400 } },
    };
    expect(() => compileSpec(spec)).toThrow(/entry\.args\[0\]\.period: parameter 'fast' = 2\.5 is used as a bar count, which must be an integer >= 1/);
  });
});
