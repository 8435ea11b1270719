import { DeskError, type BacktestResult, type BacktestSettings, type BarSeries, type CrossoverParams } from '../../core/index.ts';
import { ema, sma } from '../indicators/index.ts';
import { engineConfig } from './engine/config.ts';
import { BacktestEngine } from './engine/engine.ts';
import { buildMarket } from './engine/market.ts';
import { engineResult } from './result.ts';
import { SignalStrategy } from './signal-strategy.ts';
import { crossoverSignals } from './simulate.ts';

/**
 * Backtest a long-only moving-average crossover ('sma_crossover' or 'ema_crossover'): signal at
 * the close, market fill at the next open, commission = commissionRate × traded value, all
 * equity in whole shares. A position open at the end is marked to market, not closed.
 * Needs at least slow + 2 bars (DeskError('insufficient_data') otherwise).
 *
 * @example
 * const result = runCrossoverBacktest(series, { fast: 10, slow: 30, average: 'sma' }, { initialCash: 100_000, commissionRate: 0.001 });
 * result.metrics.sharpe;
 */
export function runCrossoverBacktest(series: BarSeries, params: CrossoverParams, settings: BacktestSettings): BacktestResult {
  validateInputs(params, settings);
  const bars = series.dates.length;
  if (bars < params.slow + 2) {
    throw new DeskError(
      'insufficient_data',
      `${series.symbol} has ${bars} bars; a ${params.fast}/${params.slow} crossover needs at least ${params.slow + 2} (slow period + 2)`,
      { symbol: series.symbol, bars, needed: params.slow + 2 },
    );
  }
  const average = params.average === 'ema' ? ema : sma;
  const { entry, exit } = crossoverSignals(average(series.close, params.fast), average(series.close, params.slow));
  const engine = new BacktestEngine(buildMarket([series], settings.corporateActions), engineConfig(settings));
  engine.run(new SignalStrategy([{ symbol: 0, entry, exit, side: 'long', weight: 1 }]));
  const strategy = params.average === 'ema' ? 'ema_crossover' : 'sma_crossover';
  return engineResult(engine, strategy, { fast: params.fast, slow: params.slow, average: params.average }, settings);
}

function validateInputs(params: CrossoverParams, settings: BacktestSettings): void {
  engineConfig(settings);
  if (!(params.fast < params.slow)) {
    throw new DeskError('invalid_input', `fast period (${params.fast}) must be shorter than slow period (${params.slow})`, { field: 'fast' });
  }
}
