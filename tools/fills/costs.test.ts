import { describe, expect, it } from 'vitest';
import { applySlippage, commissionFor, participationLimit, validateCostModels } from './costs.ts';

describe('trading costs', () => {
  it('slips against the trader in bps or as a fraction of the spread', () => {
    expect(applySlippage(100, 'buy', { kind: 'bps', bps: 5 })).toBeCloseTo(100.05, 12);
    expect(applySlippage(100, 'sell', { kind: 'bps', bps: 5 })).toBeCloseTo(99.95, 12);
    // Half of a 10 bps spread = 5 bps.
    expect(applySlippage(200, 'buy', { kind: 'spread', spreadBps: 10, fraction: 0.5 })).toBeCloseTo(200.1, 12);
  });

  it('never slips a limit fill through its limit', () => {
    expect(applySlippage(99, 'buy', { kind: 'bps', bps: 50 }, { type: 'limit', limitPrice: 99 })).toBe(99);
    expect(applySlippage(98, 'buy', { kind: 'bps', bps: 50 }, { type: 'limit', limitPrice: 99 })).toBeCloseTo(98.49, 12);
    expect(applySlippage(101, 'sell', { kind: 'bps', bps: 500 }, { type: 'stop_limit', limitPrice: 100 })).toBe(100);
    expect(applySlippage(101, 'sell', { kind: 'bps', bps: 500 }, { type: 'stop', limitPrice: null })).toBeCloseTo(95.95, 12);
  });

  it('computes commissions per model', () => {
    expect(commissionFor({ kind: 'percent', rate: 0.001 }, 100, 50)).toBeCloseTo(5, 12);
    expect(commissionFor({ kind: 'per_share', perShare: 0.005, minimum: 1 }, 100, 50)).toBe(1);
    expect(commissionFor({ kind: 'per_share', perShare: 0.005, minimum: 1 }, 1_000, 50)).toBeCloseTo(5, 12);
    // IB-style cap: at most 1% of value: 1,000 shares at $0.10 = $100 value, cap $1 < 5.
    expect(commissionFor({ kind: 'per_share', perShare: 0.005, minimum: 1, maxRate: 0.01 }, 1_000, 0.1)).toBeCloseTo(1, 12);
    expect(commissionFor({ kind: 'fixed', amount: 4.95 }, -300, 10)).toBe(4.95);
    expect(commissionFor({ kind: 'fixed', amount: 4.95 }, 0, 10)).toBe(0);
  });

  it('caps a fill at a fraction of the bar volume in whole shares', () => {
    expect(participationLimit(1_234, 0.1)).toBe(123);
    expect(participationLimit(1_234, undefined)).toBe(Number.POSITIVE_INFINITY);
    expect(participationLimit(1_234, 1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('names the bad field and the allowed range', () => {
    expect(() => validateCostModels({ kind: 'bps', bps: -1 }, { kind: 'percent', rate: 0 })).toThrow('slippage.bps must be a number from 0 to 1000 (got -1)');
    expect(() => validateCostModels({ kind: 'bps', bps: 1 }, { kind: 'per_share', perShare: 0.01, minimum: Number.NaN })).toThrow(/commission.minimum/);
    expect(() => validateCostModels({ kind: 'bps', bps: 1 }, { kind: 'fixed', amount: 1 }, 0)).toThrow(/participationCap must be a fraction of bar volume in \(0, 1\]/);
  });
});
