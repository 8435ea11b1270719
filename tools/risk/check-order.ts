import { Decimal, type OrderRequest, type RiskCheckResult, type RiskLimits, type RiskRuleResult } from '../../core/index.ts';
import { formatMoney, formatQuantity } from './format.ts';

export interface CheckOrderInput {
  order: OrderRequest;
  /** Latest market price; limit orders are measured at their limit price instead. */
  referencePrice: Decimal;
  /** Signed current position in the order's symbol (negative = short). */
  currentPosition: Decimal;
  limits: RiskLimits;
}

/**
 * Pre-trade risk check in exact decimals. Every rule is reported with its limit, the measured
 * value and a sentence; a denial is a result (approved: false), not an error.
 * Rules: max_order_notional (quantity × price), max_position (|position after the order|),
 * restricted_symbol.
 *
 * @example
 * checkOrder({ order, referencePrice: Decimal.from('187.46'), currentPosition: Decimal.ZERO, limits }).approved // true
 */
export function checkOrder(input: CheckOrderInput): Omit<RiskCheckResult, 'approvalToken'> {
  const { order, limits } = input;
  const price = order.type === 'limit' && order.limitPrice !== undefined ? Decimal.from(order.limitPrice, 'limitPrice') : input.referencePrice;
  const notional = Decimal.from(order.quantity, 'quantity').mul(price);
  const rules = [
    notionalRule(notional, Decimal.from(limits.maxOrderNotional, 'maxOrderNotional')),
    positionRule(resultingPosition(input), Decimal.from(limits.maxPositionQuantity, 'maxPositionQuantity')),
    restrictedSymbolRule(order.symbol, limits.restrictedSymbols),
  ];
  const violations = rules.filter((rule) => !rule.passed);
  return {
    approved: violations.length === 0,
    order,
    referencePrice: input.referencePrice.toString(),
    notional: notional.toString(),
    rules,
    violations,
  };
}

function resultingPosition(input: CheckOrderInput): Decimal {
  const quantity = Decimal.from(input.order.quantity, 'quantity');
  return input.order.side === 'buy' ? input.currentPosition.add(quantity) : input.currentPosition.sub(quantity);
}

function notionalRule(notional: Decimal, limit: Decimal): RiskRuleResult {
  const passed = notional.lte(limit);
  return {
    rule: 'max_order_notional',
    passed,
    limit: limit.toFixed(2),
    measured: notional.toFixed(2),
    message: `order notional ${formatMoney(notional)} ${passed ? 'is within' : 'exceeds'} max_order_notional limit ${formatMoney(limit)}`,
  };
}

function positionRule(position: Decimal, limit: Decimal): RiskRuleResult {
  const size = position.abs();
  const passed = size.lte(limit);
  return {
    rule: 'max_position',
    passed,
    limit: limit.toString(),
    measured: size.toString(),
    message: `resulting position ${formatQuantity(position)} shares ${passed ? 'is within' : 'exceeds'} max_position limit ${formatQuantity(limit)}`,
  };
}

function restrictedSymbolRule(symbol: string, restricted: readonly string[]): RiskRuleResult {
  const normalized = symbol.toUpperCase();
  const passed = !restricted.some((entry) => entry.toUpperCase() === normalized);
  return {
    rule: 'restricted_symbol',
    passed,
    limit: restricted.length > 0 ? restricted.join(',') : 'none',
    measured: normalized,
    message: passed ? `${normalized} is not on the restricted list` : `${normalized} is on the restricted list (${restricted.join(', ')})`,
  };
}
