/**
 * How the offline planner words its replies. Every figure is copied from a tool result;
 * percentages are the tool's fractions times 100, rounded for display.
 */
type Json = Record<string, any>;

export const percent = (fraction: number): string => `${(fraction * 100).toFixed(2)}%`;
export const money = (value: number | string): string =>
  Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function backtestReply(result: Json): string {
  const metrics = result.metrics;
  const name = result.strategy === 'ema_crossover' ? 'EMA' : 'SMA';
  return (
    `${name} crossover ${result.fast}/${result.slow} on ${result.symbol}, ${result.from} to ${result.to} (${result.bars} daily bars): ` +
    `total return ${percent(metrics.totalReturn)}, annualized ${percent(metrics.annualizedReturn)}, Sharpe ${metrics.sharpe.toFixed(2)}, ` +
    `max drawdown ${percent(metrics.maxDrawdown)}, ${metrics.trades} trades, win rate ${percent(metrics.winRate)}, ` +
    `final equity ${money(metrics.finalEquity)} from ${money(result.initialCash)}.`
  );
}

export function riskRefusalReply(result: Json): string {
  const order = result.order;
  const reasons = (result.violations as Json[]).map((rule) => `${rule.rule}: ${rule.message} (limit ${rule.limit}, measured ${rule.measured})`);
  return `Refused by the risk check: ${order.side} ${order.quantity} ${order.symbol} was not sent to the broker. ${reasons.join('; ')}.`;
}

export function proposalReply(result: Json): string {
  const order = result.order;
  return `Risk check passed for ${order.side} ${order.quantity} ${order.symbol} at reference price ${result.referencePrice} (notional ${result.notional}); proposing the order for review.`;
}

export function positionsReply(result: Json): string {
  const positions = result.positions as Json[];
  if (positions.length === 0) return 'You have no open positions.';
  const lines = positions.map((position) => `${position.symbol}: ${position.quantity} shares at average price ${position.averagePrice}`);
  return `Open positions:\n${lines.join('\n')}`;
}

export function accountReply(result: Json): string {
  return `Cash ${result.cash} (starting cash ${result.startingCash}).`;
}

export function limitsReply(result: Json): string {
  const restricted = result.restrictedSymbols.length ? result.restrictedSymbols.join(', ') : 'none';
  return `Risk limits: max order notional ${result.maxOrderNotional}, max position ${result.maxPositionQuantity} shares, restricted symbols: ${restricted}.`;
}

export function ordersReply(result: Json): string {
  const orders = result.orders as Json[];
  if (orders.length === 0) return 'No orders yet.';
  const lines = orders.map((order) => `${order.id} ${order.side} ${order.quantity} ${order.symbol}: ${order.status}${order.averagePrice ? ` at ${order.averagePrice}` : ''}`);
  return `Recent orders:\n${lines.join('\n')}`;
}

export function quoteReply(result: Json): string {
  return `${result.symbol} last close ${result.price} on ${result.date}.`;
}

export function barsReply(result: Json): string {
  const lines = (result.bars as Json[]).map((bar) => `${bar.date} O ${bar.open} H ${bar.high} L ${bar.low} C ${bar.close} V ${bar.volume}`);
  return `${result.symbol} daily bars:\n${lines.join('\n')}`;
}

export function symbolsReply(result: Json): string {
  const lines = (result.symbols as Json[]).map((entry) => `${entry.symbol}: ${entry.firstDate} to ${entry.lastDate}, last close ${entry.lastClose}`);
  return `Symbols with data:\n${lines.join('\n')}`;
}

export function varReply(result: Json): string {
  const risk = result.var;
  if (risk.portfolioValue === 0) return 'You have no open positions, so there is no portfolio risk to report.';
  const share = risk.valueAtRiskFraction === null ? '' : ` (${percent(risk.valueAtRiskFraction)} of the portfolio)`;
  const beta = result.beta === null ? '' : `, beta to ${result.benchmark} ${result.beta.toFixed(2)}`;
  return (
    `${risk.method} VaR at ${percent(risk.confidence)} over ${risk.horizonDays} day(s): ${money(risk.valueAtRisk)}${share}; ` +
    `expected shortfall ${money(risk.expectedShortfall)} on a portfolio of ${money(risk.portfolioValue)}; ` +
    `annualized volatility ${money(result.volatility.annualized)}${beta}.`
  );
}

export function stressReply(result: Json): string {
  if (result.volatilitySpike) {
    const { baseline, stressed } = result.volatilitySpike;
    return `2008-style volatility spike: VaR at ${percent(stressed.confidence)} rises from ${money(baseline.valueAtRisk)} to ${money(stressed.valueAtRisk)} (expected shortfall ${money(stressed.expectedShortfall)}).`;
  }
  const shock = result.shock;
  if (shock.positions.length === 0) return 'You have no open positions to stress.';
  const lines = (shock.positions as Json[]).map((position) => `${position.symbol}: ${percent(position.shock)} → P&L ${money(position.pnl)}`);
  const share = shock.totalPnlFraction === null ? '' : ` (${percent(shock.totalPnlFraction)})`;
  return `Stress test (${result.scenario}): total P&L ${money(shock.totalPnl)}${share}.\n${lines.join('\n')}`;
}

export function optimizeReply(result: Json): string {
  const weights = Object.entries(result.weights as Record<string, number>).map(([ticker, weight]) => `${ticker} ${percent(weight)}`);
  return (
    `${result.objective} weights from ${result.from} to ${result.to}: ${weights.join(', ')}. ` +
    `Expected return ${percent(result.expectedReturn)}, volatility ${percent(result.volatility)}, Sharpe ${result.sharpe.toFixed(2)}.`
  );
}

export function rebalanceReply(result: Json): string {
  const orders = result.orders as Json[];
  if (orders.length === 0) return `No trades needed: every weight is within the drift threshold (portfolio value ${money(result.portfolioValue)}).`;
  const lines = orders.map((order) => `${order.side} ${order.quantity} ${order.ticker}`);
  return `Proposed rebalance (not placed; say "buy N SYMBOL" or "sell N SYMBOL" to trade each): ${lines.join(', ')}; cash after ${money(result.cashAfter)}.`;
}

export function orderPlacedReply(result: Json): string {
  const order = result.order;
  if (order.status === 'rejected') return `The broker rejected ${order.side} ${order.quantity} ${order.symbol}: ${order.rejectReason}.`;
  if (order.status === 'new' || order.status === 'accepted') {
    const limit = order.limitPrice ? ` limit ${order.limitPrice}` : '';
    const stop = order.stopPrice ? ` stop ${order.stopPrice}` : '';
    return `Order ${order.id} to ${order.side} ${order.quantity} ${order.symbol}${limit}${stop} is working at the broker (${order.status}, ${order.timeInForce ?? 'day'}); nothing has filled yet.`;
  }
  if (order.status === 'cancelled' || order.status === 'expired') return `Order ${order.id} to ${order.side} ${order.quantity} ${order.symbol} was ${order.status} with ${order.filledQuantity} filled.`;
  const fills = result.fills as Json[];
  const commission = fills.length ? fills.map((fill) => fill.commission).join(' + ') : '0';
  const prefix = result.duplicate ? 'Already placed earlier: ' : '';
  const partial = order.status === 'partially_filled' ? ` of ${order.quantity} so far (the rest is working)` : '';
  return `${prefix}${order.side === 'buy' ? 'Bought' : 'Sold'} ${order.filledQuantity} ${order.symbol}${partial} at ${order.averagePrice} on the paper broker (order ${order.id}, commission ${commission}).`;
}

export const HELP_TEXT =
  'I can: backtest an SMA or EMA crossover ("backtest an SMA crossover fast/slow on SYMBOL over the last N years"), ' +
  'place paper orders ("buy N SYMBOL", "sell N SYMBOL", "close SYMBOL"), show positions, cash, limits and orders, quote a symbol, list symbols, ' +
  'report portfolio VaR ("risk report", "parametric VaR"), stress test ("stress test -N%", "market shock -N%", "vol spike"), ' +
  'optimize ("optimize AAPL MSFT NVDA for max sharpe|min vol|hrp|risk parity") and propose a rebalance ("rebalance into AAPL MSFT NVDA"). ' +
  'Chain steps with "then" or ";" ("backtest an SMA crossover on AAPL; buy N AAPL"). ' +
  'Set ANTHROPIC_API_KEY for free-form requests; without it the offline planner handles these commands only.';
