import type { BacktestSettings, BarSeries } from '../../../core/index.ts';
import { engineConfig } from './config.ts';
import { BacktestEngine, type EngineStrategy } from './engine.ts';
import { buildMarket } from './market.ts';
import type { OrderRequest } from './orders.ts';

/** A series from [open, high, low, close, volume] rows on consecutive days from 2025-01-01. */
export function barsOf(symbol: string, rows: readonly (readonly number[])[]): BarSeries {
  const column = (field: number) => Float64Array.from(rows, (row) => row[field]);
  return {
    symbol, dates: rows.map((_row, index) => `2025-01-${String(index + 1).padStart(2, '0')}`),
    open: column(0), high: column(1), low: column(2), close: column(3), volume: column(4),
  };
}

/** Run a script of order requests (submitted at the close of the bar given by the key) and return the engine. */
export function runScript(series: BarSeries[], script: Record<number, Omit<OrderRequest, 'reason'>[]>, settings: Partial<BacktestSettings> = {}): BacktestEngine {
  const engine = new BacktestEngine(buildMarket(series, settings.corporateActions), engineConfig({ initialCash: 10_000, commissionRate: 0, ...settings }));
  const strategy: EngineStrategy = {
    onBar(index, running) {
      for (const request of script[index] ?? []) running.submit({ reason: 'test', ...request }, index);
    },
  };
  engine.run(strategy);
  return engine;
}
