import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, type OrderRequest, type RiskLimits, type RiskRuleName } from '../../core/index.ts';
import { checkOrder } from './check-order.ts';
import type { RiskSnapshot } from './snapshot.ts';

const SYMBOLS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
const MONDAY = Date.parse('2025-06-02T00:00:00Z');
const S = 10n ** 8n;

/** A decimal text with up to `decimals` places in [0, max]. */
const decimal = (max: number, decimals: number) => fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max: 10 ** decimals - 1 })).map(([whole, fraction]) => (decimals === 0 ? `${whole}` : `${whole}.${String(fraction).padStart(decimals, '0')}`));
const price = decimal(300, 2).filter((text) => Number(text) > 0);
const quantity = decimal(3000, 1).filter((text) => Number(text) > 0);

const limitsArbitrary: fc.Arbitrary<RiskLimits> = fc.record({
  maxOrderNotional: decimal(200_000, 2),
  maxPositionQuantity: decimal(5000, 0),
  restrictedSymbols: fc.subarray(SYMBOLS, { maxLength: 2 }),
  maxOrderQuantity: fc.option(decimal(4000, 0), { nil: undefined }),
  maxPositionFraction: fc.option(decimal(1, 2), { nil: undefined }),
  maxGrossExposure: fc.option(decimal(3, 2), { nil: undefined }),
  maxNetExposure: fc.option(decimal(2, 2), { nil: undefined }),
  maxLeverage: fc.option(decimal(2, 2), { nil: undefined }),
  maxSectorFraction: fc.option(decimal(1, 2), { nil: undefined }),
  sectorMap: fc.option(fc.dictionary(fc.constantFrom(...SYMBOLS), fc.constantFrom('TECH', 'ENERGY')), { nil: undefined }),
  maxPriceDeviation: fc.option(decimal(0, 2), { nil: undefined }),
  maxOrdersPerMinute: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  maxDailyLossFraction: fc.option(decimal(0, 2), { nil: undefined }),
  maxDrawdownFraction: fc.option(decimal(0, 2), { nil: undefined }),
  sessionOpenUtc: fc.option(fc.constantFrom('00:00', '09:30', '13:30'), { nil: undefined }),
  sessionCloseUtc: fc.option(fc.constantFrom('16:00', '20:00', '23:59'), { nil: undefined }),
  allowOutsideSession: fc.option(fc.boolean(), { nil: undefined }),
}, { requiredKeys: ['maxOrderNotional', 'maxPositionQuantity', 'restrictedSymbols'] });

const caseArbitrary = fc.record({
  order: fc.record({
    symbol: fc.constantFrom(...SYMBOLS), side: fc.constantFrom('buy' as const, 'sell' as const), quantity,
    limitPrice: fc.option(price, { nil: undefined }),
  }),
  lastPrice: price,
  referencePrice: fc.option(price, { nil: undefined }),
  positions: fc.uniqueArray(fc.record({ symbol: fc.constantFrom(...SYMBOLS), quantity: fc.tuple(fc.boolean(), decimal(2000, 1)), mark: price }), { selector: (entry) => entry.symbol, maxLength: 5 }),
  cash: fc.integer({ min: -50_000, max: 1_000_000 }),
  equityDrift: fc.tuple(fc.integer({ min: -100, max: 20 }), fc.integer({ min: -300, max: 0 })),
  minute: fc.integer({ min: 0, max: 7 * 1440 - 1 }),
  recentOffsets: fc.array(fc.integer({ min: -120_000, max: 5_000 }), { maxLength: 8 }),
  killSwitch: fc.integer({ min: 0, max: 9 }).map((draw) => draw === 0),
  limits: limitsArbitrary,
});

type Case = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never;

function build(input: Case): { order: OrderRequest; snapshot: RiskSnapshot } {
  const positions = input.positions.map((entry) => ({ symbol: entry.symbol, quantity: Decimal.from(`${entry.quantity[0] ? '-' : ''}${entry.quantity[1]}`), mark: Decimal.from(entry.mark) }));
  const cash = Decimal.from(input.cash);
  const equity = positions.reduce((sum, entry) => sum.add(entry.quantity.mul(entry.mark)), cash);
  // Start-of-day and peak near the equity (a drift in basis points), so every loss rule passes and fails often.
  const near = (basisPoints: number) => Decimal.fromFloat(equity.toNumber() * (1 - basisPoints / 10_000), 2);
  const now = MONDAY + input.minute * 60_000;
  const order: OrderRequest = { clientOrderId: 'co_p', symbol: input.order.symbol, side: input.order.side, quantity: input.order.quantity, type: input.order.limitPrice ? 'limit' : 'market', limitPrice: input.order.limitPrice };
  return {
    order,
    snapshot: {
      now: new Date(now), cash, positions, startOfDayEquity: near(input.equityDrift[0]), equityHighWaterMark: near(input.equityDrift[1]),
      recentOrderTimes: input.recentOffsets.map((offset) => now + offset), killSwitch: { active: input.killSwitch, reason: input.killSwitch ? 'test' : null },
    },
  };
}

/**
 * The rules restated independently: whole-portfolio sums recomputed after the order (no
 * incremental totals), fractions compared by cross-multiplying scaled integers, the session by
 * the UTC weekday and minute. Returns the names of the rules the order violates.
 */
function referenceViolations(order: OrderRequest, last: string, reference: string | undefined, snapshot: RiskSnapshot, limits: RiskLimits): Set<RiskRuleName> {
  const units = (value: string | number) => Decimal.from(value).units;
  const abs = (value: bigint) => (value < 0n ? -value : value);
  const L = units(last);
  const P = order.type === 'limit' ? units(order.limitPrice!) : units(reference ?? last);
  const Q = units(order.quantity);
  const signed = order.side === 'buy' ? Q : -Q;
  const held = snapshot.positions.find((entry) => entry.symbol === order.symbol);
  const before = held?.quantity.units ?? 0n;
  const after = before + signed;
  const valuesBefore = snapshot.positions.map((entry) => ({ symbol: entry.symbol, value: entry.quantity.units * entry.mark.units }));
  const valuesAfter = [...valuesBefore.filter((entry) => entry.symbol !== order.symbol), { symbol: order.symbol, value: after * L }];
  const equity = snapshot.cash.units * S + valuesBefore.reduce((sum, entry) => sum + entry.value, 0n);
  const sum = (entries: Array<{ value: bigint }>, map: (value: bigint) => bigint) => entries.reduce((total, entry) => total + map(entry.value), 0n);
  const sectorOf = (symbol: string) => limits.sectorMap?.[symbol] ?? symbol;
  const inSector = (entries: typeof valuesBefore) => entries.filter((entry) => sectorOf(entry.symbol) === sectorOf(order.symbol));
  const fraction = (text: string | undefined, fallback: string) => units(text ?? fallback);
  const over = (value: bigint, limit: bigint) => equity <= 0n || value * S > limit * equity;
  const grows = (afterValue: bigint, beforeValue: bigint) => afterValue >= beforeValue;
  const cashBefore = snapshot.cash.units * S;
  const cashAfter = cashBefore - signed * P;
  const borrowed = (cash: bigint) => (cash < 0n ? -cash : 0n);
  const now = snapshot.now.getTime();
  const weekday = snapshot.now.getUTCDay();
  const minute = snapshot.now.getUTCHours() * 60 + snapshot.now.getUTCMinutes();
  const clock = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
  const inSession = weekday >= 1 && weekday <= 5 && minute >= clock(limits.sessionOpenUtc ?? '13:30') && minute < clock(limits.sessionCloseUtc ?? '20:00');
  const recent = snapshot.recentOrderTimes.filter((time) => time > now - 60_000 && time <= now).length + 1;
  const sod = snapshot.startOfDayEquity.units * S;
  const peak = snapshot.equityHighWaterMark.units * S;
  const lossOver = (reference: bigint, limit: bigint) => reference <= 0n || (reference > equity && (reference - equity) * S > limit * reference);
  const violated = new Set<RiskRuleName>();
  const flag = (rule: RiskRuleName, condition: boolean) => condition && violated.add(rule);
  flag('kill_switch', snapshot.killSwitch.active);
  flag('restricted_symbol', limits.restrictedSymbols.includes(order.symbol));
  flag('market_hours', !inSession && !(limits.allowOutsideSession ?? true));
  flag('max_order_notional', Q * P > units(limits.maxOrderNotional) * S);
  flag('max_order_quantity', Q > units(limits.maxOrderQuantity ?? '100000'));
  // Limit prices count on their aggressive side only (buy above, sell below the last price); reference prices both ways.
  const through = order.type === 'limit' ? (order.side === 'buy' ? P - L : L - P) : abs(P - L);
  flag('price_collar', through * S > fraction(limits.maxPriceDeviation, '0.1') * L);
  flag('max_position', abs(after) > units(limits.maxPositionQuantity) && abs(after) >= abs(before));
  const symbolBefore = abs(valuesBefore.find((entry) => entry.symbol === order.symbol)?.value ?? 0n);
  flag('max_position_fraction', over(abs(after * L), fraction(limits.maxPositionFraction, '0.25')) && grows(abs(after * L), symbolBefore));
  flag('max_gross_exposure', over(sum(valuesAfter, abs), fraction(limits.maxGrossExposure, '2')) && grows(sum(valuesAfter, abs), sum(valuesBefore, abs)));
  flag('max_net_exposure', over(abs(sum(valuesAfter, (value) => value)), fraction(limits.maxNetExposure, '1')) && grows(abs(sum(valuesAfter, (value) => value)), abs(sum(valuesBefore, (value) => value))));
  flag('max_leverage', over(equity + borrowed(cashAfter), fraction(limits.maxLeverage, '1')) && grows(borrowed(cashAfter), borrowed(cashBefore)));
  flag('sector_concentration', over(sum(inSector(valuesAfter), abs), fraction(limits.maxSectorFraction, '0.5')) && grows(sum(inSector(valuesAfter), abs), sum(inSector(valuesBefore), abs)));
  flag('order_rate', recent > (limits.maxOrdersPerMinute ?? 60));
  flag('daily_loss', lossOver(sod, fraction(limits.maxDailyLossFraction, '0.05')));
  flag('max_drawdown', lossOver(peak, fraction(limits.maxDrawdownFraction, '0.2')));
  return violated;
}

describe('checkOrder against an independent statement of the rules (property)', () => {
  it('never approves an order that violates a configured limit, and flags exactly the violated rules', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(caseArbitrary, (input) => {
        const { order, snapshot } = build(input);
        const result = checkOrder({ order, market: { lastPrice: Decimal.from(input.lastPrice), referencePrice: input.referencePrice === undefined ? undefined : Decimal.from(input.referencePrice) }, snapshot, limits: input.limits });
        const expected = referenceViolations(order, input.lastPrice, input.referencePrice, snapshot, input.limits);
        for (const rule of expected) seen.set(rule, (seen.get(rule) ?? 0) + 1);
        if (expected.size === 0) seen.set('approved', (seen.get('approved') ?? 0) + 1);
        expect(result.approved).toBe(expected.size === 0);
        expect(new Set(result.violations.map((rule) => rule.rule))).toEqual(expected);
      }),
      { numRuns: 10_000, seed: 20250602 },
    );
    // Not vacuous: every rule was violated, and some orders passed them all.
    for (const rule of ['approved', 'kill_switch', 'restricted_symbol', 'market_hours', 'max_order_notional', 'max_order_quantity', 'price_collar', 'max_position', 'max_position_fraction',
      'max_gross_exposure', 'max_net_exposure', 'max_leverage', 'sector_concentration', 'order_rate', 'daily_loss', 'max_drawdown']) {
      expect(seen.get(rule) ?? 0, rule).toBeGreaterThan(20);
    }
  });
});
