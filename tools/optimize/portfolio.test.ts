import { describe, expect, it } from 'vitest';
import { cleanWeights, portfolioPerformance } from './portfolio.ts';

describe('cleanWeights', () => {
  it('zeroes weights below the cutoff and renormalizes the rest', () => {
    const cleaned = cleanWeights(['A', 'B', 'C'], [0.6, 0.39995, 0.00005]);
    expect(cleaned.C).toBe(0);
    expect(cleaned.A).toBe(0.60003);
    expect(cleaned.A + cleaned.B).toBeCloseTo(1, 5);
  });

  it('keeps a short position above the cutoff in size', () => {
    expect(cleanWeights(['A', 'B'], [1.3, -0.3])).toEqual({ A: 1.3, B: -0.3 });
  });

  it('refuses a negative cutoff', () => {
    expect(() => cleanWeights(['A'], [1], { cutoff: -1 })).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('portfolioPerformance', () => {
  it('reports return, volatility and Sharpe against the risk-free rate', () => {
    const performance = portfolioPerformance([0.5, 0.5], [0.1, 0.2], [[0.04, 0], [0, 0.09]], 0.02);
    expect(performance.expectedReturn).toBeCloseTo(0.15, 12);
    expect(performance.volatility).toBeCloseTo(Math.sqrt(0.0325), 12);
    expect(performance.sharpe).toBeCloseTo(0.13 / Math.sqrt(0.0325), 12);
  });
});
