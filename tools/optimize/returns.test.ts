import { describe, expect, it } from 'vitest';
import { returnsFromPrices, seriesReturns } from './returns.ts';

describe('returnsFromPrices', () => {
  it('gives a return only where both prices exist and drops rows with none', () => {
    const returns = returnsFromPrices({
      dates: ['d1', 'd2', 'd3', 'd4'],
      tickers: ['OLD', 'NEW'],
      prices: [[100, null], [null, null], [110, 50], [121, 55]],
    });
    expect(returns.dates).toEqual(['d4']);
    expect(returns.returns[0][0]).toBeCloseTo(0.1, 12);
    expect(returns.returns[0][1]).toBeCloseTo(0.1, 12);
  });

  it('keeps a late-listing asset null until its second price', () => {
    const returns = returnsFromPrices({ dates: ['d1', 'd2', 'd3'], tickers: ['A', 'B'], prices: [[10, null], [11, 20], [12.1, 22]] });
    expect(returns.returns[0][1]).toBeNull();
    expect(returns.returns[1][1]).toBeCloseTo(0.1, 12);
  });

  it('refuses a zero price, naming the ticker and date', () => {
    expect(() => returnsFromPrices({ dates: ['d1', 'd2'], tickers: ['A'], prices: [[10], [0]] })).toThrow(/prices\[1\]\[0\] \(A on d2\) must be a finite price > 0 or null/);
  });

  it('refuses a row with the wrong number of tickers', () => {
    expect(() => returnsFromPrices({ dates: ['d1'], tickers: ['A', 'B'], prices: [[10]] })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('seriesReturns', () => {
  it('turns a price series into returns with gaps as null', () => {
    const returns = seriesReturns([100, 110, null, 121]);
    expect(returns[0]).toBeCloseTo(0.1, 12);
    expect(returns.slice(1)).toEqual([null, null]);
  });
});
