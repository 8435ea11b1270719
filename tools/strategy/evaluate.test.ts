import { describe, expect, it } from 'vitest';
import type { BoolExpr, NumExpr } from '../../core/index.ts';
import { evaluateSignals, type ExternalSeries } from './evaluate.ts';
import { handSeries, specWith } from './test-series.ts';

const close: NumExpr = { price: 'close' };
const sma3: NumExpr = { indicator: 'sma', input: close, period: 3 };

/** The entry signal of `condition` on the hand series, as a plain array. */
function signal(condition: BoolExpr, params: Record<string, number> = {}, externals?: ExternalSeries): number[] {
  return Array.from(evaluateSignals(specWith(condition), handSeries(), params, externals).entry);
}

// closes:           1  2  3  4  5  4     3  2  3     4
// sma(close, 3):  NaN NaN 2  3  4  4.33  4  3  2.67  3
describe('evaluateSignals on a hand-built series', () => {
  it('compares a price with a constant and with a parameter', () => {
    expect(signal({ op: 'gt', args: [close, 3] })).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 1]);
    expect(signal({ op: 'gte', args: [close, { param: 'level' }] })).toEqual([0, 0, 1, 1, 1, 1, 1, 0, 1, 1]);
    expect(signal({ op: 'lte', args: [close, { param: 'level' }] }, { level: 2 })).toEqual([1, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('finds crosses only where both bars are past the warm-up', () => {
    expect(signal({ op: 'crossAbove', args: [close, sma3] })).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(signal({ op: 'crossBelow', args: [close, sma3] })).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(signal({ op: 'lt', args: [sma3, 100] })).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1]); // NaN compares false
  });

  it('lags a series by whole bars', () => {
    expect(signal({ op: 'gt', args: [close, { lag: close, bars: 2 }] })).toEqual([0, 0, 1, 1, 1, 0, 0, 0, 0, 1]); // bar 5: 4 vs 4
  });

  it('does arithmetic, with a division by zero giving no signal', () => {
    const change: NumExpr = { op: 'sub', args: [close, { lag: close, bars: 1 }] };
    expect(signal({ op: 'gt', args: [change, 0] })).toEqual([0, 1, 1, 1, 1, 0, 0, 0, 1, 1]);
    expect(signal({ op: 'gt', args: [{ op: 'mul', args: [{ op: 'add', args: [close, 1] }, 2] }, 9] })).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 1]);
    expect(signal({ op: 'gte', args: [{ op: 'div', args: [close, { op: 'sub', args: [close, 3] }] }, -100] })).toEqual([1, 1, 0, 1, 1, 1, 0, 1, 0, 1]);
  });

  it('combines conditions with and, or and not', () => {
    const above2: BoolExpr = { op: 'gt', args: [close, 2] };
    const below5: BoolExpr = { op: 'lt', args: [close, 5] };
    expect(signal({ op: 'and', args: [above2, below5] })).toEqual([0, 0, 1, 1, 0, 1, 1, 0, 1, 1]);
    expect(signal({ op: 'or', args: [{ op: 'gt', args: [close, 4] }, { op: 'lt', args: [close, 2] }] })).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(signal({ op: 'not', args: [above2] })).toEqual([1, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('reads an external series by date, missing dates giving no signal', () => {
    const sentiment = { '2025-03-04': 0.5, '2025-03-05': -0.2, '2025-03-12': 0.9 };
    expect(signal({ op: 'gt', args: [{ external: 'sentiment' }, 0.3] }, {}, { sentiment })).toEqual([0, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(() => signal({ op: 'gt', args: [{ external: 'sentiment' }, 0.3] })).toThrow(/external series 'sentiment' was not supplied/);
  });

  it('evaluates multi-output indicators with their chosen line', () => {
    const band = (output: 'upper' | 'middle' | 'lower'): NumExpr => ({ indicator: 'bollinger', input: close, period: 3, k: 1, output });
    expect(signal({ op: 'gt', args: [band('upper'), band('middle')] })).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(signal({ op: 'lt', args: [band('lower'), band('middle')] })).toEqual([0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('defaults omitted inputs to the price field of the same name', () => {
    const explicit = signal({ op: 'gt', args: [{ indicator: 'atr', high: { price: 'high' }, low: { price: 'low' }, close, period: 2 }, 1.5] });
    expect(signal({ op: 'gt', args: [{ indicator: 'atr', period: 2 }, 1.5] })).toEqual(explicit);
    expect(explicit.some((value) => value === 1)).toBe(true);
  });
});
