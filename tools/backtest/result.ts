import { DeskError, type BacktestResult, type BacktestSettings, type BarSeries } from '../../core/index.ts';
import { computeBacktestMetrics } from './metrics.ts';
import type { CrossoverSimulation } from './simulate.ts';

/** Refuse settings no backtest can run with: cash must be > 0, the commission rate >= 0. */
export function validateSettings(settings: BacktestSettings): void {
  if (!(Number.isFinite(settings.initialCash) && settings.initialCash > 0)) {
    throw new DeskError('invalid_input', `initialCash must be a number > 0 (got ${settings.initialCash})`, { field: 'initialCash' });
  }
  if (!(Number.isFinite(settings.commissionRate) && settings.commissionRate >= 0)) {
    throw new DeskError('invalid_input', `commissionRate must be a number >= 0 (got ${settings.commissionRate})`, { field: 'commissionRate' });
  }
}

/** The one shape every backtest returns: range, settings, metrics, trades and equity curve. */
export function backtestResult(series: BarSeries, strategy: string, params: BacktestResult['params'], settings: BacktestSettings, simulation: CrossoverSimulation): BacktestResult {
  const bars = series.dates.length;
  return {
    symbol: series.symbol,
    strategy,
    params,
    from: series.dates[0],
    to: series.dates[bars - 1],
    bars,
    settings: { initialCash: settings.initialCash, commissionRate: settings.commissionRate },
    metrics: computeBacktestMetrics({ ...simulation, initialCash: settings.initialCash }),
    trades: simulation.trades,
    equityCurve: { dates: series.dates.slice(), equity: Array.from(simulation.equity) },
  };
}
