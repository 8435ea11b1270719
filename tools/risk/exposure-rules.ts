import { Decimal, type RiskRuleName, type RiskRuleResult } from '../../core/index.ts';
import { absolute, fractionWithin, ratioText, wide } from './exact.ts';
import { formatQuantity } from './format.ts';
import type { CompiledLimits } from './limits.ts';
import type { OrderFacts } from './order-facts.ts';
import type { RiskSnapshot } from './snapshot.ts';

/**
 * A measure (after the order) over equity, within a limit fraction. An order that lowers the
 * measure passes even above the limit, so a book over its limits can always be reduced.
 */
function fractionRule(rule: RiskRuleName, what: string, before: bigint, after: bigint, equity: bigint, limit: Decimal): RiskRuleResult {
  const within = equity > 0n && fractionWithin(after, equity, limit);
  const reduces = after < before;
  const measured = ratioText(after, equity);
  const verdict = within ? 'is within' : reduces ? 'is above but the order reduces it; within' : 'exceeds';
  return { rule, passed: within || reduces, limit: limit.toString(), measured, message: `${what} after the order ${measured} of equity ${verdict} ${rule} limit ${limit.toString()}` };
}

/** max_position: |position after the order| in shares. */
export function positionQuantityRule(facts: OrderFacts, limits: CompiledLimits): RiskRuleResult {
  const limit = limits.maxPositionQuantity;
  const size = facts.positionAfter.abs();
  const within = size.lte(limit);
  const passed = within || size.lt(facts.positionBefore.abs());
  return {
    rule: 'max_position', passed, limit: limit.toString(), measured: size.toString(),
    message: `resulting position ${formatQuantity(facts.positionAfter)} shares ${within ? 'is within' : passed ? 'is above but reduces the position; within' : 'exceeds'} max_position limit ${formatQuantity(limit)}`,
  };
}

/** max_position_fraction: |position after| × last price / equity. */
export function positionFractionRule(facts: OrderFacts, limits: CompiledLimits): RiskRuleResult {
  return fractionRule('max_position_fraction', `${facts.symbol} position value`, absolute(facts.symbolValueBefore), absolute(facts.symbolValueAfter), facts.equity, limits.maxPositionFraction);
}

/** max_gross_exposure: Σ|market value| after the order / equity. */
export function grossExposureRule(facts: OrderFacts, limits: CompiledLimits): RiskRuleResult {
  return fractionRule('max_gross_exposure', 'gross exposure', facts.grossBefore, facts.grossAfter, facts.equity, limits.maxGrossExposure);
}

/** max_net_exposure: |Σ market value| after the order / equity. */
export function netExposureRule(facts: OrderFacts, limits: CompiledLimits): RiskRuleResult {
  return fractionRule('max_net_exposure', 'net exposure', absolute(facts.netBefore), absolute(facts.netAfter), facts.equity, limits.maxNetExposure);
}

/** max_leverage: (equity + cash borrowed after the order) / equity. */
export function leverageRule(facts: OrderFacts, limits: CompiledLimits): RiskRuleResult {
  const borrowed = (cash: bigint) => (cash < 0n ? -cash : 0n);
  return fractionRule('max_leverage', 'leverage (equity plus borrowed cash)', facts.equity + borrowed(facts.cashBefore), facts.equity + borrowed(facts.cashAfter), facts.equity, limits.maxLeverage);
}

/** sector_concentration: Σ|market value| of the order's sector after the order / equity. */
export function sectorConcentrationRule(facts: OrderFacts, limits: CompiledLimits): RiskRuleResult {
  return fractionRule('sector_concentration', `sector ${facts.sector} value`, facts.sectorBefore, facts.sectorAfter, facts.equity, limits.maxSectorFraction);
}

/** daily_loss: (start-of-day equity − equity) / start-of-day equity. */
export function dailyLossRule(snapshot: RiskSnapshot, equity: bigint, limits: CompiledLimits): RiskRuleResult {
  return lossRule('daily_loss', 'loss since the start of the day', wide(snapshot.startOfDayEquity), equity, limits.maxDailyLossFraction);
}

/** max_drawdown: (equity high-water mark − equity) / high-water mark. */
export function drawdownRule(snapshot: RiskSnapshot, equity: bigint, limits: CompiledLimits): RiskRuleResult {
  return lossRule('max_drawdown', 'drawdown from the equity high-water mark', wide(snapshot.equityHighWaterMark), equity, limits.maxDrawdownFraction);
}

function lossRule(rule: RiskRuleName, what: string, reference: bigint, equity: bigint, limit: Decimal): RiskRuleResult {
  const loss = reference > equity ? reference - equity : 0n;
  const passed = reference > 0n && fractionWithin(loss, reference, limit);
  const measured = ratioText(loss, reference);
  return { rule, passed, limit: limit.toString(), measured, message: `${what} ${measured} ${passed ? 'is within' : 'exceeds'} ${rule} limit ${limit.toString()}${passed ? '' : '; this trips the kill switch'}` };
}
