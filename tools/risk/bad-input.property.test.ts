import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, OrderRequestSchema, RiskLimitsSchema, isDeskError, parseWith, type RiskLimits } from '../../core/index.ts';
import { checkOrder } from './check-order.ts';
import { LOOSE_LIMITS, badNumber, bookSnapshot } from './test-fixtures.ts';

describe('bad inputs (property)', () => {
  it('refuses an order with a bad quantity or limit price, naming the field, and checks nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom('quantity', 'limitPrice'), badNumber, (field, value) => {
        const order = { clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: '10', type: 'limit', limitPrice: '200', [field]: value };
        let caught: unknown;
        try {
          checkOrder({ order: parseWith(OrderRequestSchema, order, 'order'), market: { lastPrice: Decimal.from('200') }, snapshot: bookSnapshot(), limits: LOOSE_LIMITS });
        } catch (error) {
          caught = error;
        }
        expect(isDeskError(caught, 'invalid_input')).toBe(true);
        expect((caught as Error).message).toContain(field);
      }),
      { numRuns: 10_000, seed: 7 },
    );
  });

  it('refuses limits with a bad value in any field, naming it, and leaves the given limits untouched', () => {
    const numericFields = ['maxOrderNotional', 'maxPositionQuantity', 'maxOrderQuantity', 'maxPositionFraction', 'maxGrossExposure', 'maxNetExposure', 'maxLeverage',
      'maxSectorFraction', 'maxPriceDeviation', 'maxOrdersPerMinute', 'maxDailyLossFraction', 'maxDrawdownFraction'] as const;
    const frozen = structuredClone(LOOSE_LIMITS);
    fc.assert(
      fc.property(fc.constantFrom(...numericFields), badNumber, (field, value) => {
        const limits = { ...LOOSE_LIMITS, [field]: value } as RiskLimits;
        expect(() => parseWith(RiskLimitsSchema, limits, 'risk limits')).toThrow(new RegExp(field));
        expect(LOOSE_LIMITS).toEqual(frozen);
      }),
      { numRuns: 10_000, seed: 11 },
    );
  });

  it('never approves a huge order: past every size limit it is refused as a result', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 6n, max: 10n ** 30n }), (quantity) => {
        const order = parseWith(OrderRequestSchema, { clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: quantity.toString() }, 'order');
        const result = checkOrder({ order, market: { lastPrice: Decimal.from('200') }, snapshot: bookSnapshot(), limits: LOOSE_LIMITS });
        expect(result.approved).toBe(false);
        expect(result.violations.map((rule) => rule.rule)).toEqual(expect.arrayContaining(['max_order_notional', 'max_order_quantity', 'max_position']));
      }),
      { numRuns: 1_000, seed: 13 },
    );
  });
});
