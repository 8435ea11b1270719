import { describe, expect, it } from 'vitest';
import { adx, atr, cci, obv, stochastic, trueRange, vwap } from './index.ts';

const three = Float64Array.of(1, 2, 3);
const two = Float64Array.of(1, 2);
const uneven = { high: three, low: two, close: three };

describe('inputs of unequal length', () => {
  it.each([
    ['trueRange', () => trueRange(uneven)],
    ['atr', () => atr(uneven, 1)],
    ['stochastic', () => stochastic(uneven)],
    ['adx', () => adx(uneven, 1)],
    ['cci', () => cci(uneven, 1)],
    ['obv', () => obv(three, two)],
    ['vwap', () => vwap({ high: three, low: three, close: three, volume: two })],
    ['vwap session', () => vwap({ high: three, low: three, close: three, volume: three, session: ['a'] })],
  ])('are refused by %s with invalid_input', (_, call) => {
    expect(call).toThrow(expect.objectContaining({ code: 'invalid_input', message: expect.stringMatching(/must have equal lengths/) }));
  });

  it('name every field and its length in the message', () => {
    expect(() => atr(uneven, 1)).toThrow('atr inputs must have equal lengths (got high=3, low=2, close=3)');
  });
});
