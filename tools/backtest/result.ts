import type { BacktestResult, BacktestSettings } from '../../core/index.ts';
import type { BacktestEngine } from './engine/engine.ts';
import type { EngineMarket } from './engine/market.ts';
import { orderRecord } from './engine/orders.ts';
import { computeBacktestMetrics } from './metrics.ts';

/**
 * The one shape every backtest returns: range, settings, metrics (with the buy-and-hold
 * benchmark of the traded symbols), trades, orders, equity curve, final cash and positions.
 */
export function engineResult(engine: BacktestEngine, strategy: string, params: BacktestResult['params'], settings: BacktestSettings): BacktestResult {
  const { market } = engine;
  const bars = market.dates.length;
  const trades = engine.trades.all(engine.lastClose);
  const positions: Record<string, number> = {};
  market.symbols.forEach((symbol, index) => {
    if (engine.position[index] !== 0) positions[symbol] = engine.position[index];
  });
  return {
    symbol: market.symbols[0],
    strategy,
    params,
    from: market.dates[0],
    to: market.dates[bars - 1],
    bars,
    settings: echoSettings(settings),
    metrics: computeBacktestMetrics({
      equity: engine.equity, trades, barsInMarket: engine.barsInMarket, initialCash: engine.config.initialCash,
      tradedValue: engine.tradedValue, benchmark: buyAndHold(market),
    }),
    trades,
    equityCurve: { dates: market.dates.slice(), equity: toArray(engine.equity) },
    orders: engine.orders.map((order) => orderRecord(order, market.symbols, market.dates)),
    finalCash: engine.cash,
    positions,
    ...(market.symbols.length > 1 ? { symbols: market.symbols.slice() } : {}),
  };
}

/** The settings as given: initial cash and commission rate always, the optional ones when set. */
function echoSettings(settings: BacktestSettings): BacktestSettings {
  const echoed: BacktestSettings = { initialCash: settings.initialCash, commissionRate: settings.commissionRate };
  for (const key of ['commission', 'slippage', 'participationCap', 'fillAt', 'maxLeverage', 'borrowRate', 'corporateActions'] as const) {
    if (settings[key] !== undefined) (echoed as Record<string, unknown>)[key] = settings[key];
  }
  return echoed;
}

/** Equal-weight buy-and-hold of every symbol from its first close (cash before it lists), as a growth index starting at 1. */
export function buyAndHold(market: EngineMarket): Float64Array {
  const bars = market.dates.length;
  const symbols = market.symbols.length;
  const result = new Float64Array(bars);
  for (let symbol = 0; symbol < symbols; symbol++) {
    const close = market.close[symbol];
    let first = Number.NaN;
    let last = Number.NaN;
    for (let index = 0; index < bars; index++) {
      if (close[index] === close[index]) {
        if (first !== first) first = close[index];
        last = close[index];
      }
      result[index] += (first === first ? last / first : 1) / symbols;
    }
  }
  return result;
}

/** A typed array as a plain number array (a counted loop: several times faster than Array.from). */
function toArray(values: Float64Array): number[] {
  const result = new Array<number>(values.length);
  for (let index = 0; index < values.length; index++) result[index] = values[index];
  return result;
}
