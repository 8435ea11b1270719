import { describe, expect, it } from 'vitest';
import { buildRiskBook } from './book.ts';
import { historicalVar, horizonPnl } from './historical.ts';
import { lossTail } from './tail.ts';

/** 100 days: the five worst P&L days of a 1,000 exposure are −50, −40, −30, −20, −10; others gain. */
function hundredDayBook() {
  const returns = new Float64Array(100).fill(0.001);
  returns.set([-0.05, -0.04, -0.03, -0.02, -0.01], 10);
  return buildRiskBook([{ symbol: 'AAA', quantity: 10, price: 100 }], { AAA: returns });
}

describe('lossTail', () => {
  it('takes the k-th worst loss as VaR and the mean of the k worst as expected shortfall', () => {
    const pnl = new Float64Array(100).fill(1);
    pnl.set([-10, -8, -6, -4, -2, -1]);
    // k = ⌈100 × 0.05⌉ = 5 even though 100 × (1 − 0.95) is 5.000000000000004 in floats.
    expect(lossTail(pnl, 0.95)).toEqual({ valueAtRisk: 2, expectedShortfall: 6 });
    // k = 1 at 99%: the worst day alone.
    expect(lossTail(pnl, 0.99)).toEqual({ valueAtRisk: 10, expectedShortfall: 10 });
  });

  it('reports a gain as a negative loss when even the tail makes money', () => {
    expect(lossTail(new Float64Array([1, 2, 3, 4]), 0.75)).toEqual({ valueAtRisk: -1, expectedShortfall: -1 });
  });

  it('refuses a confidence outside (0.5, 1)', () => {
    expect(() => lossTail(new Float64Array([1, 2]), 95)).toThrow(/confidence must be in \(0.5, 1\)/);
  });
});

describe('historicalVar', () => {
  it('gives the 5th worst day and the mean of the 5 worst at 95%, in currency and as a fraction', () => {
    const result = historicalVar(hundredDayBook(), { confidence: 0.95 });
    expect(result.valueAtRisk).toBeCloseTo(10, 10);
    expect(result.expectedShortfall).toBeCloseTo(30, 10);
    expect(result.valueAtRiskFraction).toBeCloseTo(0.01, 12);
    expect(result.expectedShortfallFraction).toBeCloseTo(0.03, 12);
    expect(result).toMatchObject({ method: 'historical', horizonDays: 1, portfolioValue: 1000, scenarios: 100 });
  });

  it('scales one-day figures by √h with square-root scaling', () => {
    const result = historicalVar(hundredDayBook(), { confidence: 0.95, horizonDays: 4 });
    expect(result.valueAtRisk).toBeCloseTo(20, 10);
    expect(result.expectedShortfall).toBeCloseTo(60, 10);
  });

  it('sums overlapping windows of h days', () => {
    // 99 two-day windows; k = ⌈99 × 0.01⌉ = 1: the worst pair is −50 − 40 = −90.
    const result = historicalVar(hundredDayBook(), { confidence: 0.99, horizonDays: 2, horizonMethod: 'overlapping' });
    expect(result.scenarios).toBe(99);
    expect(result.valueAtRisk).toBeCloseTo(90, 10);
  });

  it('sums non-overlapping blocks of h days', () => {
    // Blocks start at even days: (−50, −40) at 10–11 is one block: worst −90 again, 50 blocks.
    const result = historicalVar(hundredDayBook(), { confidence: 0.98, horizonDays: 2, horizonMethod: 'non-overlapping' });
    expect(result.scenarios).toBe(50);
    expect(result.valueAtRisk).toBeCloseTo(90, 10);
  });

  it('treats a short position as gaining when prices fall', () => {
    const returns = new Float64Array([0.1, -0.1, 0.05, -0.05]);
    const book = buildRiskBook([{ symbol: 'AAA', quantity: '-2', price: 50 }], { AAA: returns });
    // Exposure −100: P&L −10, +10, −5, +5; at 75% k = 1, worst loss 10.
    expect(historicalVar(book, { confidence: 0.75 }).valueAtRisk).toBeCloseTo(10, 12);
  });

  it('refuses a horizon longer than the history', () => {
    expect(() => historicalVar(hundredDayBook(), { confidence: 0.95, horizonDays: 200, horizonMethod: 'overlapping' })).toThrow(/horizonDays 200 is longer than the 100 days/);
  });
});

describe('horizonPnl', () => {
  it('sums windows at the given step', () => {
    expect(Array.from(horizonPnl(new Float64Array([1, 2, 3, 4]), 2, 1))).toEqual([3, 5, 7]);
    expect(Array.from(horizonPnl(new Float64Array([1, 2, 3, 4, 5]), 2, 2))).toEqual([3, 7]);
  });
});
