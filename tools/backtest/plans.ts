import type { StrategySpec } from '../../core/index.ts';
import type { StrategySignals } from '../strategy/index.ts';
import type { SignalPlan } from './signal-strategy.ts';

/** Signals of one symbol placed on the engine's calendar (or the series' own bars for one symbol). */
export type PlacedSignals = { [Key in keyof StrategySignals]: ArrayLike<number> };

/**
 * The SignalPlan of a spec for one symbol: its signals, side, stops, entry order and sizing
 * (weights from sizingWeights, or a fixed share count).
 *
 * @example specPlan(0, spec, evaluateCompiled(compiled, series), sizingWeights(spec.sizing, series.close))
 */
export function specPlan(symbol: number, spec: StrategySpec, signals: PlacedSignals, weight: ArrayLike<number> | number): SignalPlan {
  return {
    symbol, entry: signals.entry, exit: signals.exit, side: spec.side, weight, stops: spec.stops,
    ...(spec.side === 'long-short' ? { shortEntry: signals.shortEntry, shortExit: signals.shortExit } : {}),
    ...(spec.sizing.kind === 'fixed-shares' ? { shares: spec.sizing.shares } : {}),
    ...(spec.entryOrder === undefined ? {} : { entryOrder: { type: spec.entryOrder.type, offset: spec.entryOrder.offset ?? 0, timeInForce: spec.entryOrder.timeInForce ?? 'day' } }),
  };
}
