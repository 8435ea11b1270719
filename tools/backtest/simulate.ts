import type { BacktestSettings, BacktestTrade, BarSeries, StrategySizing, StrategyStops } from '../../core/index.ts';
import { engineConfig } from './engine/config.ts';
import { BacktestEngine } from './engine/engine.ts';
import { buildMarket } from './engine/market.ts';
import { SignalStrategy, type SignalPlan } from './signal-strategy.ts';

/** What a simulation leaves behind for the metrics. */
export interface CrossoverSimulation {
  /** cash + shares × close at every bar (shares negative while short). */
  equity: Float64Array;
  trades: BacktestTrade[];
  /** Bars that closed with a position. */
  barsInMarket: number;
}

/** Per bar, 1 where the condition holds at that bar's close. */
export interface EntryExitSignals {
  entry: ArrayLike<number>;
  exit: ArrayLike<number>;
}

/** How signals become positions: direction, size, and optional protective exits (fractions of the entry price). */
export interface ExecutionRules {
  side: 'long' | 'short';
  sizing: StrategySizing;
  stops?: StrategyStops;
}

/**
 * Crossover entry/exit signals: 1 at bar t where the fast average crosses above (entry) or
 * below (exit) the slow one; the warm-up gives no signal.
 *
 * @example const { entry, exit } = crossoverSignals(sma(close, 10), sma(close, 30));
 */
export function crossoverSignals(fast: Float64Array, slow: Float64Array): { entry: Uint8Array; exit: Uint8Array } {
  const count = fast.length;
  const entry = new Uint8Array(count);
  const exit = new Uint8Array(count);
  for (let index = 1; index < count; index++) {
    if (Number.isNaN(fast[index - 1]) || Number.isNaN(slow[index - 1]) || Number.isNaN(fast[index]) || Number.isNaN(slow[index])) continue;
    const wasAbove = fast[index - 1] > slow[index - 1];
    const isAbove = fast[index] > slow[index];
    entry[index] = !wasAbove && isAbove ? 1 : 0;
    exit[index] = wasAbove && !isAbove ? 1 : 0;
  }
  return { entry, exit };
}

/**
 * Long-only crossover simulation on the event engine: signal at the close of bar t, market
 * fill at the open of t+1, as many whole shares as equity covers including commission.
 *
 * @example const { equity, trades } = simulateCrossover(series, sma(close, 10), sma(close, 30), settings);
 */
export function simulateCrossover(series: BarSeries, fast: Float64Array, slow: Float64Array, settings: BacktestSettings): CrossoverSimulation {
  return simulateSignals(series, crossoverSignals(fast, slow), settings);
}

/**
 * Entry/exit signals of one series through the event engine (signalPlan rules). An open
 * position at the end is marked at the last close. Default rules: long, all-in, no stops.
 *
 * @example simulateSignals(series, { entry, exit }, { initialCash: 100_000, commissionRate: 0.001 })
 */
export function simulateSignals(series: BarSeries, signals: EntryExitSignals, settings: BacktestSettings, rules: ExecutionRules = { side: 'long', sizing: { kind: 'all-in' } }): CrossoverSimulation {
  const engine = new BacktestEngine(buildMarket([series], settings.corporateActions), engineConfig(settings));
  engine.run(new SignalStrategy([signalPlan(0, signals, rules)]));
  return { equity: engine.equity, trades: engine.trades.all(engine.lastClose), barsInMarket: engine.barsInMarket };
}

/** A SignalPlan from entry/exit signals and the spec's side, sizing and stops. */
export function signalPlan(symbol: number, signals: EntryExitSignals, rules: ExecutionRules): SignalPlan {
  const { sizing } = rules;
  return {
    symbol, entry: signals.entry, exit: signals.exit, side: rules.side, stops: rules.stops,
    weight: sizing.kind === 'percent-equity' ? sizing.percent : 1,
    ...(sizing.kind === 'fixed-shares' ? { shares: sizing.shares } : {}),
  };
}
