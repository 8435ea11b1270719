import { type OrderRequest, type RiskCheckResult, type RiskLimits, type RiskRuleName, type RiskRuleResult } from '../../core/index.ts';
import { dailyLossRule, drawdownRule, grossExposureRule, leverageRule, netExposureRule, positionFractionRule, positionQuantityRule, sectorConcentrationRule } from './exposure-rules.ts';
import { narrow } from './exact.ts';
import { compileLimits } from './limits.ts';
import { orderFacts, type OrderMarket } from './order-facts.ts';
import { killSwitchRule, marketHoursRule, orderNotionalRule, orderQuantityRule, orderRateRule, priceCollarRule, restrictedSymbolRule } from './order-rules.ts';
import type { RiskSnapshot } from './snapshot.ts';

export interface CheckOrderInput {
  order: OrderRequest;
  market: OrderMarket;
  snapshot: RiskSnapshot;
  limits: RiskLimits;
}

/** The rules every check evaluates, in the order they are reported. */
export const RISK_RULES: readonly RiskRuleName[] = [
  'kill_switch', 'restricted_symbol', 'market_hours', 'max_order_notional', 'max_order_quantity', 'price_collar', 'max_position',
  'max_position_fraction', 'max_gross_exposure', 'max_net_exposure', 'max_leverage', 'sector_concentration', 'order_rate', 'daily_loss', 'max_drawdown',
];

/**
 * Pre-trade risk check in exact decimals, pure: every rule of RISK_RULES is evaluated and reported
 * with its limit, the measured value and a sentence; a denial is a result (approved: false), not
 * an error. Exposure rules let an order through that lowers what they measure.
 *
 * @example
 * checkOrder({ order, market: { lastPrice: Decimal.from('187.46') }, snapshot, limits }).approved // true
 */
export function checkOrder(input: CheckOrderInput): Omit<RiskCheckResult, 'approvalToken'> {
  const { order, snapshot } = input;
  const limits = compileLimits(input.limits);
  const facts = orderFacts(order, input.market, snapshot, limits);
  const rules: RiskRuleResult[] = [
    killSwitchRule(snapshot),
    restrictedSymbolRule(facts, limits),
    marketHoursRule(snapshot.now, limits),
    orderNotionalRule(facts, limits),
    orderQuantityRule(facts, limits),
    priceCollarRule(facts, limits),
    positionQuantityRule(facts, limits),
    positionFractionRule(facts, limits),
    grossExposureRule(facts, limits),
    netExposureRule(facts, limits),
    leverageRule(facts, limits),
    sectorConcentrationRule(facts, limits),
    orderRateRule(snapshot, limits),
    dailyLossRule(snapshot, facts.equity, limits),
    drawdownRule(snapshot, facts.equity, limits),
  ];
  const violations = rules.filter((rule) => !rule.passed);
  return {
    approved: violations.length === 0,
    order,
    referencePrice: (input.market.referencePrice ?? input.market.lastPrice).toString(),
    notional: narrow(facts.notional).toString(),
    rules,
    violations,
  };
}

/**
 * Why a check should trip the kill switch (its daily-loss or drawdown rule failed), or null.
 * @example killSwitchTrigger(result) // 'daily_loss: loss since the start of the day 0.061000 exceeds ...'
 */
export function killSwitchTrigger(result: Pick<RiskCheckResult, 'violations'>): string | null {
  const tripping = result.violations.filter((rule) => rule.rule === 'daily_loss' || rule.rule === 'max_drawdown');
  return tripping.length === 0 ? null : tripping.map((rule) => `${rule.rule}: ${rule.message}`).join('; ');
}
