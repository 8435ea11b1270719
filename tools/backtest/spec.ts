import { DeskError, type BacktestResult, type BacktestSettings, type BarSeries, type StrategySpec } from '../../core/index.ts';
import { compileSpec, evaluateCompiled, type ExternalSeries, type StrategyParams } from '../strategy/index.ts';
import { engineConfig } from './engine/config.ts';
import { BacktestEngine } from './engine/engine.ts';
import { buildMarket } from './engine/market.ts';
import { engineResult } from './result.ts';
import { SignalStrategy } from './signal-strategy.ts';
import { specPlan } from './plans.ts';
import { sizingWeights } from './sizing.ts';

/**
 * Backtest a strategy spec on one series with the event engine: signal at the close of bar t,
 * market fill at the open of t+1 (or that close with settings.fillAt 'close'), commission,
 * slippage, participation cap, leverage, borrow fee and corporate actions from the settings;
 * side, sizing and stops from the spec. Parameters missing from `params` take their defaults;
 * `externals` supplies `{ "external": name }` series by date. The result's `strategy` is the
 * spec's name and `params` every bound parameter.
 *
 * @example
 * const result = runSpecBacktest(series, getStrategy('sma_crossover'), { fast: 10, slow: 30 }, { initialCash: 100_000, commissionRate: 0.001 });
 */
export function runSpecBacktest(series: BarSeries, spec: StrategySpec, params: StrategyParams, settings: BacktestSettings, externals?: ExternalSeries): BacktestResult {
  const config = engineConfig(settings);
  const bars = series.dates.length;
  if (bars < 2) {
    throw new DeskError('insufficient_data', `${series.symbol} has ${bars} bars; a backtest needs at least 2 (a signal bar and a fill bar)`, { symbol: series.symbol, bars, needed: 2 });
  }
  const compiled = compileSpec(spec, params);
  if (compiled.pairs !== undefined || compiled.rotation !== undefined) {
    throw new DeskError('invalid_input', `${spec.name} trades ${compiled.pairs ? 'a pair' : 'a rotating universe'}; run it with runPortfolioBacktest on several series`, { field: 'spec' });
  }
  const signals = evaluateCompiled(compiled, series, externals);
  const engine = new BacktestEngine(buildMarket([series], settings.corporateActions), config);
  engine.run(new SignalStrategy([specPlan(0, spec, signals, sizingWeights(spec.sizing, series.close))]));
  return engineResult(engine, spec.name, { ...compiled.params }, settings);
}
