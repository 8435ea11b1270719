import { describe, expect, it } from 'vitest';
import { sampleCorrelation } from './correlation.ts';

describe('sampleCorrelation', () => {
  it('is 1 for a linear relation and -1 for its mirror image', () => {
    const returns = [[0.01, 0.02, -0.01], [0.03, 0.06, -0.03], [-0.02, -0.04, 0.02]];
    const correlation = sampleCorrelation({ dates: ['a', 'b', 'c'], tickers: ['A', 'B', 'C'], returns });
    expect(correlation[0][1]).toBeCloseTo(1, 12);
    expect(correlation[0][2]).toBeCloseTo(-1, 12);
    expect(correlation[1][1]).toBe(1);
  });

  it('uses only the overlapping rows, with means over them', () => {
    const returns = [[0.5, null], [0.01, 0.02], [0.03, 0.06], [-0.02, -0.04]];
    const correlation = sampleCorrelation({ dates: ['a', 'b', 'c', 'd'], tickers: ['A', 'B'], returns });
    expect(correlation[0][1]).toBeCloseTo(1, 12);
  });

  it('refuses a pair without two overlapping returns', () => {
    const returns = [[0.01, null], [null, 0.02]];
    expect(() => sampleCorrelation({ dates: ['a', 'b'], tickers: ['A', 'B'], returns })).toThrow(expect.objectContaining({ code: 'insufficient_data' }));
  });
});
