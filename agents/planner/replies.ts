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

export function orderPlacedReply(result: Json): string {
  const order = result.order;
  if (order.status === 'rejected') return `The broker rejected ${order.side} ${order.quantity} ${order.symbol}: ${order.rejectReason}.`;
  const fills = result.fills as Json[];
  const commission = fills.length ? fills.map((fill) => fill.commission).join(' + ') : '0';
  const prefix = result.duplicate ? 'Already placed earlier: ' : '';
  return `${prefix}${order.side === 'buy' ? 'Bought' : 'Sold'} ${order.filledQuantity} ${order.symbol} at ${order.averagePrice} on the paper broker (order ${order.id}, commission ${commission}).`;
}

export const HELP_TEXT =
  'I can: backtest an SMA or EMA crossover ("backtest an SMA crossover fast/slow on SYMBOL over the last N years"), ' +
  'place paper orders ("buy N SYMBOL", "sell N SYMBOL"), show positions, cash, limits and orders, quote a symbol, and list symbols. ' +
  'Set ANTHROPIC_API_KEY for free-form requests; without it the offline planner handles these commands only.';
