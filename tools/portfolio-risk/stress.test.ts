import { describe, expect, it } from 'vitest';
import { buildRiskBook } from './book.ts';
import { applyShockScenario } from './stress.ts';

/** Long 10 × 100 of AAA, short 5 × 40 of BBB, long 2 × 500 of CCC: net 1,800. */
function book() {
  const flat = new Float64Array([0.01, -0.01]);
  return buildRiskBook(
    [
      { symbol: 'AAA', quantity: 10, price: 100 },
      { symbol: 'BBB', quantity: -5, price: 40 },
      { symbol: 'CCC', quantity: 2, price: 500 },
    ],
    { AAA: flat, BBB: flat, CCC: flat },
  );
}

describe('applyShockScenario', () => {
  it('loses 20% of every long and gains 20% on the short under a uniform −20%', () => {
    const result = applyShockScenario(book(), { kind: 'uniform', shock: -0.2 });
    expect(result.positions.map((position) => position.pnl)).toEqual([-200, 40, -200]);
    expect(result.totalPnl).toBe(-360);
    expect(result.totalPnlFraction).toBeCloseTo(-0.2, 12);
  });

  it('scales the market shock by each beta and floors it at −100%', () => {
    const result = applyShockScenario(book(), { kind: 'beta-scaled', marketShock: -0.4, betas: { AAA: 1.5, BBB: 0.5, CCC: 3 } });
    // AAA −60% → −600; BBB −20% on −200 → +40; CCC −120% floored to −100% → −1,000.
    expect(result.positions.map((position) => position.shock)).toEqual([expect.closeTo(-0.6, 12), expect.closeTo(-0.2, 12), -1]);
    expect(result.totalPnl).toBeCloseTo(-1560, 9);
  });

  it('applies per-symbol shocks and the fallback to unlisted symbols', () => {
    const result = applyShockScenario(book(), { kind: 'per-symbol', shocks: { AAA: 0.1, BBB: 0.5 }, otherwise: -0.05 });
    // +100, −100 (short rallies 50%), −50.
    expect(result.positions.map((position) => position.pnl)).toEqual([expect.closeTo(100, 12), -100, -50]);
    expect(result.totalPnl).toBeCloseTo(-50, 12);
  });

  it('refuses a shock below −100% and a missing beta, naming the field', () => {
    expect(() => applyShockScenario(book(), { kind: 'per-symbol', shocks: { BBB: -1.5 } })).toThrow(/shocks\.BBB must be a finite return ≥ −1/);
    expect(() => applyShockScenario(book(), { kind: 'beta-scaled', marketShock: -0.2, betas: { AAA: 1 } })).toThrow(/betas\.BBB must be a finite number/);
  });
});
