import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDeskError } from '../../core/index.ts';
import { lpAllocation } from './lp-allocation.ts';
import type { LpSolver } from './lp.ts';

let highs: LpSolver;
beforeAll(async () => {
  highs = (await (highsLoader as unknown as () => Promise<unknown>)()) as LpSolver;
});

describe('lpAllocation', () => {
  it('spends the cash exactly when whole shares can hit the weights', () => {
    // 17 × 30 = 510 and 7 × 70 = 490: leftover 0, deviations |500 − 510| + |500 − 490| = 20 (the least reachable).
    expect(lpAllocation({ weights: { A: 0.5, B: 0.5 }, latestPrices: { A: 30, B: 70 }, totalValue: 1000 }, highs)).toEqual({ shares: { A: 17, B: 7 }, leftover: 0 });
  });

  it('minimizes leftover plus L1 tracking error, checked by enumeration', () => {
    const prices = { A: 37, B: 58, C: 91 };
    const weights = { A: 0.2, B: 0.3, C: 0.5 };
    const total = 1000;
    let best = Infinity;
    for (let a = 0; a * 37 <= total; a++) for (let b = 0; a * 37 + b * 58 <= total; b++) for (let c = 0; a * 37 + b * 58 + c * 91 <= total; c++) {
      const spent = a * 37 + b * 58 + c * 91;
      best = Math.min(best, total - spent + Math.abs(200 - a * 37) + Math.abs(300 - b * 58) + Math.abs(500 - c * 91));
    }
    const result = lpAllocation({ weights, latestPrices: prices, totalValue: total }, highs);
    const cost = result.leftover + Object.entries(weights).reduce((sum, [ticker, weight]) => sum + Math.abs(weight * total - (result.shares[ticker] ?? 0) * prices[ticker as keyof typeof prices]), 0);
    expect(cost).toBeCloseTo(best, 9);
    expect(result.leftover).toBeGreaterThanOrEqual(0);
  });

  it('allocates a short book separately, worth the short weights by default', () => {
    const result = lpAllocation({ weights: { A: 1, B: -0.5 }, latestPrices: { A: 10, B: 25 }, totalValue: 1000 }, highs);
    expect(result.shares).toEqual({ A: 100, B: -20 });
    expect(result.leftover).toBeCloseTo(0, 9);
  });

  it('refuses bad values with the field named', () => {
    for (const input of [
      { weights: { A: 1 }, latestPrices: { A: 10 }, totalValue: -5 },
      { weights: { A: Number.NaN }, latestPrices: { A: 10 }, totalValue: 100 },
      { weights: { A: 1 }, latestPrices: {} as Record<string, number>, totalValue: 100 },
    ]) {
      expect(isDeskError((() => { try { lpAllocation(input, highs); } catch (error) { return error; } })())).toBe(true);
    }
  });
});
