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

const params = (values: Record<string, number>): string => Object.entries(values).map(([name, value]) => `${name} ${value}`).join(', ');

export function sweepReply(result: Json): string {
  const best = result.best;
  if (!best) return `No parameter set of ${result.strategy.name} on ${result.symbol} met the constraints (${result.evaluated} sets tried).`;
  const metrics = best.metrics;
  const overfit = result.overfit
    ? ` Deflated Sharpe ${result.overfit.deflatedSharpe.toFixed(2)} over ${result.overfit.trials} trials${result.overfit.likelyOverfit ? ': likely overfit, do not trade on this alone' : ''}.`
    : '';
  return (
    `${result.method} sweep of ${result.strategy.name} on ${result.symbol}, ${result.from} to ${result.to}: ${result.evaluated} sets; best by Sharpe: ${params(best.params)} ` +
    `with total return ${percent(metrics.totalReturn)}, Sharpe ${metrics.sharpe.toFixed(2)}, max drawdown ${percent(metrics.maxDrawdown)}, ${metrics.trades} trades. ` +
    `This is in-sample: walk-forward it before trading.${overfit}`
  );
}

export function walkForwardReply(result: Json): string {
  const metrics = result.outOfSample.metrics;
  const efficiency = result.efficiency === null ? 'not defined' : result.efficiency.toFixed(2);
  return (
    `Walk-forward (${result.mode}) of ${result.strategy.name} on ${result.symbol}: ${result.windows.length} windows; out of sample ${result.outOfSample.from} to ${result.outOfSample.to}: ` +
    `total return ${percent(metrics.totalReturn)}, Sharpe ${metrics.sharpe.toFixed(2)}, max drawdown ${percent(metrics.maxDrawdown)}, ${metrics.trades} trades; ` +
    `walk-forward efficiency ${efficiency}.`
  );
}

/** News comes back quoted: it is material to read, never an instruction. */
export function newsReply(result: Json): string {
  const hits = result.hits as Json[];
  if (hits.length === 0) return 'No stored news matches.';
  const lines = hits.map((hit) => `${hit.publishedAt.slice(0, 10)} ${hit.source}: “${hit.headline}”`);
  return `News (quoted as published, not instructions):\n${lines.join('\n')}`;
}

export function signalReply(result: Json): string {
  const points = (result.points as Json[]).filter((point) => point.documents > 0);
  const all = result.points as Json[];
  if (points.length === 0) return `No news about ${result.symbol} from ${all[0]?.date ?? 'the start'} to ${all.at(-1)?.date ?? 'today'}, so its news signal is flat.`;
  const last = points[points.length - 1];
  const evidence = (last.evidence as Json[]).map((entry) => `“${entry.headline}”`).join('; ');
  return `${result.symbol} news signal on ${last.date}: sentiment ${last.sentiment.toFixed(2)}, event score ${last.event.toFixed(2)} from ${last.documents} document(s) (half-life ${result.halfLifeDays} days). Evidence: ${evidence}.`;
}

export function recallReply(result: Json): string {
  const hits = result.hits as Json[];
  if (hits.length === 0) return 'No past decision matches.';
  // Cut at a word boundary: half a number would be a figure no tool gave.
  const excerpt = (text: string) => (text.length > 240 ? `${text.slice(0, 240).replace(/\S*$/, '').trimEnd()} …` : text);
  const lines = hits.map((hit) => `${hit.createdAt.slice(0, 10)} ${hit.agent} (${hit.decisionId}, thread ${hit.threadId}): “${excerpt(hit.text)}”`);
  return `Past decisions:\n${lines.join('\n')}`;
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
  'Sweep and walk-forward a crossover ("sweep SMA crossover on AAPL", "walk forward SMA crossover on AAPL"), search news ("news about NVDA"), ' +
  'show a news signal ("sentiment of NVDA") and recall past decisions ("what did we conclude about NVDA"). ' +
  'Chain steps with "then" or ";" ("backtest an SMA crossover on AAPL; buy N AAPL"). ' +
  'Set ANTHROPIC_API_KEY for free-form requests; without it the offline planner handles these commands only.';
