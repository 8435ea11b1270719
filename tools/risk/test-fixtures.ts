import fc from 'fast-check';
import { Decimal, type OrderRequest, type RiskLimits } from '../../core/index.ts';
import type { RiskSnapshot } from './snapshot.ts';

/**
 * A book for rule tests: cash 500,000; AAPL 1,000 @ 200 and MSFT −200 @ 400 (sector TECH), XOM
 * 500 @ 100. Net 170,000, gross 330,000, equity 670,000; start of day 680,000, peak 700,000.
 * Monday 2025-06-02 14:30 UTC.
 */
export function bookSnapshot(overrides: Partial<RiskSnapshot> = {}): RiskSnapshot {
  return {
    now: new Date('2025-06-02T14:30:00Z'),
    cash: Decimal.from('500000'),
    positions: [
      { symbol: 'AAPL', quantity: Decimal.from('1000'), mark: Decimal.from('200') },
      { symbol: 'MSFT', quantity: Decimal.from('-200'), mark: Decimal.from('400') },
      { symbol: 'XOM', quantity: Decimal.from('500'), mark: Decimal.from('100') },
    ],
    startOfDayEquity: Decimal.from('680000'),
    equityHighWaterMark: Decimal.from('700000'),
    recentOrderTimes: [],
    killSwitch: { active: false, reason: null },
    ...overrides,
  };
}

/** Loose limits: each test tightens the one it is about. */
export const LOOSE_LIMITS: RiskLimits = {
  maxOrderNotional: '250000', maxPositionQuantity: '5000', restrictedSymbols: ['GME'],
  maxOrderQuantity: '10000', maxPositionFraction: '1', maxGrossExposure: '3', maxNetExposure: '3', maxLeverage: '2',
  maxSectorFraction: '1', sectorMap: { AAPL: 'TECH', MSFT: 'TECH' }, maxPriceDeviation: '0.1', maxOrdersPerMinute: 10,
  maxDailyLossFraction: '0.05', maxDrawdownFraction: '0.2', sessionOpenUtc: '13:30', sessionCloseUtc: '20:00', allowOutsideSession: false,
};

export const BUY_AAPL: OrderRequest = { clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: '100', type: 'market' };

/** Values no quantity, price or limit may take: negative, NaN, infinite, exponent forms, too many decimals, wrong types. */
export const badNumber = fc.oneof(
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '', 'NaN', 'Infinity', '1e5', '-0.5', '1.123456789', 'ten', '0x10', ' ', true, null, [], {}),
  fc.string().filter((text) => !/^\s*\d+(\.\d{1,8})?\s*$/.test(text)),
);
