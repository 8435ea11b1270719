import { DeskError, type BacktestResult, type BacktestSettings, type BarSeries, type StrategySpec } from '../../core/index.ts';
import { compileSpec, evaluateCompiled, type CompiledStrategy, type ExternalSeries, type StrategyParams } from '../strategy/index.ts';
import { engineConfig } from './engine/config.ts';
import { BacktestEngine, type EngineStrategy } from './engine/engine.ts';
import { buildMarket, scatter, type EngineMarket } from './engine/market.ts';
import { PairsStrategy } from './pairs-strategy.ts';
import { specPlan, type PlacedSignals } from './plans.ts';
import { engineResult } from './result.ts';
import { RotationStrategy } from './rotation-strategy.ts';
import { SignalStrategy } from './signal-strategy.ts';
import { sizingWeights } from './sizing.ts';
import { spreadSeries } from './spread.ts';

/**
 * Backtest a spec on several symbols sharing one calendar (the union of their dates; a symbol
 * without a bar that day does not trade). The spec decides the mode:
 * - `pairs`: the first two symbols are legs A and B; signals come from the spread A − β × B.
 * - `rotation`: top-N by the rank expression among symbols whose entry holds, rebalanced each period.
 * - otherwise each symbol trades the spec's rules on its own with 1 / N of the sizing weight.
 * Symbols are taken in the spec's universe order when it lists them (all must be supplied),
 * else in the given order. `externals` are by symbol.
 *
 * @example runPortfolioBacktest([spy, tlt, gld], getStrategy('momentum_rotation'), { top: 1 }, { initialCash: 100_000, commissionRate: 0.001 })
 */
export function runPortfolioBacktest(
  seriesBySymbol: Readonly<Record<string, BarSeries>> | readonly BarSeries[],
  spec: StrategySpec,
  params: StrategyParams,
  settings: BacktestSettings,
  externals: Readonly<Record<string, ExternalSeries>> = {},
): BacktestResult {
  const config = engineConfig(settings);
  const list = orderedSeries(seriesBySymbol, spec);
  const compiled = compileSpec(spec, params);
  const market = buildMarket(list, settings.corporateActions);
  if (market.dates.length < 2) throw new DeskError('insufficient_data', `the universe has ${market.dates.length} dates; a backtest needs at least 2`, { needed: 2 });
  const engine = new BacktestEngine(market, config);
  engine.run(portfolioStrategy(compiled, list, market, externals));
  return engineResult(engine, spec.name, { ...compiled.params }, settings);
}

function portfolioStrategy(compiled: CompiledStrategy, list: readonly BarSeries[], market: EngineMarket, externals: Readonly<Record<string, ExternalSeries>>): EngineStrategy {
  const { spec } = compiled;
  if (compiled.pairs !== undefined) {
    if (list.length !== 2) throw new DeskError('invalid_input', `${spec.name} trades a pair: give exactly 2 series (got ${list.length})`, { field: 'series' });
    const spread = spreadSeries(list[0], list[1], compiled.pairs.hedgeRatio);
    const at = spread.barIndex.map((own) => market.barIndex[0][own]);
    const placedAt = Int32Array.from(at);
    const signals = place(evaluateCompiled(compiled, spread.series, externals[list[0].symbol]), placedAt, market.dates.length);
    const weight = sizingWeights(spec.sizing, spread.series.close);
    const plan = specPlan(0, spec, signals, typeof weight === 'number' ? weight : scatter(weight, placedAt, market.dates.length));
    return new PairsStrategy({ plan, legB: 1, hedge: scatter(spread.hedge, placedAt, market.dates.length) });
  }
  const plans = list.map((series, symbol) => {
    const signals = place(evaluateCompiled(compiled, series, externals[series.symbol]), market.barIndex[symbol], market.dates.length);
    const weight = sizingWeights(spec.sizing, series.close);
    return { plan: specPlan(symbol, spec, signals, typeof weight === 'number' ? weight : scatter(weight, market.barIndex[symbol], market.dates.length)), rank: signals.rank };
  });
  if (compiled.rotation !== undefined) {
    return new RotationStrategy({ plans: plans.map((entry) => entry.plan), rank: plans.map((entry) => entry.rank!), top: compiled.rotation.top, rebalance: compiled.rotation.rebalance });
  }
  return new SignalStrategy(plans.map((entry) => entry.plan), 1 / list.length);
}

/** Signals moved onto the calendar (no signal where the symbol has no bar; rank NaN there). */
function place(signals: ReturnType<typeof evaluateCompiled>, at: Int32Array, length: number): PlacedSignals {
  const placed: PlacedSignals = { entry: scatter(signals.entry, at, length, 0), exit: scatter(signals.exit, at, length, 0) };
  if (signals.shortEntry !== undefined) placed.shortEntry = scatter(signals.shortEntry, at, length, 0);
  if (signals.shortExit !== undefined) placed.shortExit = scatter(signals.shortExit, at, length, 0);
  if (signals.rank !== undefined) placed.rank = scatter(signals.rank, at, length);
  return placed;
}

function orderedSeries(seriesBySymbol: Readonly<Record<string, BarSeries>> | readonly BarSeries[], spec: StrategySpec): BarSeries[] {
  const given = Array.isArray(seriesBySymbol) ? [...(seriesBySymbol as readonly BarSeries[])] : Object.values(seriesBySymbol as Record<string, BarSeries>);
  if (spec.universe.length === 0) return given;
  const bySymbol = new Map(given.map((series) => [series.symbol, series]));
  const missing = spec.universe.filter((symbol) => !bySymbol.has(symbol));
  if (missing.length > 0) throw new DeskError('invalid_input', `${spec.name} trades ${spec.universe.join(', ')}; no series for ${missing.join(', ')}`, { field: 'series', missing });
  return spec.universe.map((symbol) => bySymbol.get(symbol)!);
}
