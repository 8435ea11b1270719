import { DeskError, type RiskRuleResult } from '../../core/index.ts';
import { businessDays } from '../market/calendar.ts';
import { absolute, narrow, ONE_8, ratioText } from './exact.ts';
import { formatMoney, formatQuantity } from './format.ts';
import type { CompiledLimits } from './limits.ts';
import type { OrderFacts } from './order-facts.ts';
import type { RiskSnapshot } from './snapshot.ts';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 1440;

/** kill_switch: while it is on, every new order is refused. */
export function killSwitchRule(snapshot: RiskSnapshot): RiskRuleResult {
  const { active, reason } = snapshot.killSwitch;
  return {
    rule: 'kill_switch', passed: !active, limit: 'off', measured: active ? 'on' : 'off',
    message: active ? `the kill switch is on (${reason ?? 'no reason given'}); every new order is refused until an admin turns it off` : 'the kill switch is off',
  };
}

/** restricted_symbol: the symbol is not on the restricted list. */
export function restrictedSymbolRule(facts: OrderFacts, limits: CompiledLimits): RiskRuleResult {
  const passed = !limits.restricted.has(facts.symbol);
  return {
    rule: 'restricted_symbol', passed, limit: limits.restrictedText, measured: facts.symbol,
    message: passed ? `${facts.symbol} is not on the restricted list` : `${facts.symbol} is on the restricted list (${limits.restrictedText.replaceAll(',', ', ')})`,
  };
}

/** market_hours: a trading day (tools/market calendar) within the UTC session, unless allowed outside. */
export function marketHoursRule(now: Date, limits: CompiledLimits): RiskRuleResult {
  const time = now.getTime();
  if (!Number.isFinite(time)) throw new DeskError('invalid_input', 'snapshot.now must be a valid date', { field: 'now' });
  const iso = now.toISOString();
  const day = iso.slice(0, 10);
  const minute = Math.floor((time % (DAY_MINUTES * MINUTE_MS)) / MINUTE_MS);
  const inSession = businessDays(day, day).length === 1 && minute >= limits.sessionOpenMinute && minute < limits.sessionCloseMinute;
  const passed = inSession || limits.allowOutsideSession;
  const measured = iso.slice(0, 16) + 'Z';
  const where = inSession ? 'within' : 'outside';
  return {
    rule: 'market_hours', passed, limit: limits.allowOutsideSession ? `${limits.sessionText} (outside allowed)` : limits.sessionText, measured,
    message: `${measured} is ${where} the trading session ${limits.sessionText} on weekdays${!inSession && passed ? ', allowed by configuration' : ''}`,
  };
}

/** max_order_quantity: shares in this order. */
export function orderQuantityRule(facts: OrderFacts, limits: CompiledLimits): RiskRuleResult {
  const limit = limits.maxOrderQuantity;
  const passed = facts.quantity.lte(limit);
  return {
    rule: 'max_order_quantity', passed, limit: limit.toString(), measured: facts.quantity.toString(),
    message: `order quantity ${formatQuantity(facts.quantity)} shares ${passed ? 'is within' : 'exceeds'} max_order_quantity limit ${formatQuantity(limit)}`,
  };
}

/** max_order_notional: quantity × (limit price, or reference price), exactly. */
export function orderNotionalRule(facts: OrderFacts, limits: CompiledLimits): RiskRuleResult {
  const limit = limits.maxOrderNotional;
  const passed = facts.notional <= limit.units * ONE_8;
  const notional = narrow(facts.notional);
  return {
    rule: 'max_order_notional', passed, limit: limit.toFixed(2), measured: notional.toFixed(2),
    message: `order notional ${formatMoney(notional)} ${passed ? 'is within' : 'exceeds'} max_order_notional limit ${formatMoney(limit)}`,
  };
}

/**
 * price_collar (fat finger): how far the order's price is from the last price, as a fraction. A
 * limit price counts only on its aggressive side (a buy above, a sell below the last price): a
 * passive limit cannot trade worse than the market. A market order's reference price counts both
 * ways, since it sets the notional the other rules measure.
 */
export function priceCollarRule(facts: OrderFacts, limits: CompiledLimits): RiskRuleResult {
  const last = facts.lastPrice.units;
  const difference = facts.price.units - last;
  const aggressive = !facts.isLimit ? absolute(difference) : facts.side === 'buy' ? (difference > 0n ? difference : 0n) : (difference < 0n ? -difference : 0n);
  const passed = last > 0n && aggressive * ONE_8 <= limits.maxPriceDeviation.units * last;
  const measured = ratioText(aggressive, last);
  const what = facts.isLimit ? `limit price ${facts.price.toString()}` : `reference price ${facts.price.toString()}`;
  return {
    rule: 'price_collar', passed, limit: limits.maxPriceDeviation.toString(), measured,
    message: `${what} is ${measured} (as a fraction) ${facts.isLimit ? 'through' : 'away from'} the last price ${facts.lastPrice.toString()}; price_collar allows ${limits.maxPriceDeviation.toString()}`,
  };
}

/** order_rate: orders in the last 60 seconds, this one included. */
export function orderRateRule(snapshot: RiskSnapshot, limits: CompiledLimits): RiskRuleResult {
  const now = snapshot.now.getTime();
  const times = snapshot.recentOrderTimes;
  let count = 1;
  for (let index = 0; index < times.length; index++) if (times[index] > now - MINUTE_MS && times[index] <= now) count++;
  const passed = count <= limits.maxOrdersPerMinute;
  return {
    rule: 'order_rate', passed, limit: String(limits.maxOrdersPerMinute), measured: String(count),
    message: `${count} orders in the last minute including this one ${passed ? 'is within' : 'exceeds'} order_rate limit ${limits.maxOrdersPerMinute} per minute`,
  };
}
