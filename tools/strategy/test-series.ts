import type { BarSeries, BoolExpr, StrategySpec } from '../../core/index.ts';

/** Ten weekdays with closes 1 2 3 4 5 4 3 2 3 4 (open = previous close, high/low ±0.5). */
export function handSeries(): BarSeries {
  const closes = [1, 2, 3, 4, 5, 4, 3, 2, 3, 4];
  const dates = ['2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14'];
  const opens = closes.map((close, index) => (index === 0 ? close : closes[index - 1]));
  return {
    symbol: 'HAND',
    dates,
    open: Float64Array.from(opens),
    high: Float64Array.from(closes, (close, index) => Math.max(close, opens[index]) + 0.5),
    low: Float64Array.from(closes, (close, index) => Math.min(close, opens[index]) - 0.5),
    close: Float64Array.from(closes),
    volume: new Float64Array(closes.length).fill(100),
  };
}

/** A minimal long spec around `entry` and `exit`, with one parameter `level` (default 3). */
export function specWith(entry: BoolExpr, exit: BoolExpr = entry): StrategySpec {
  return {
    version: 1, name: 'probe', description: 'test probe', universe: [],
    parameters: { level: { default: 3, min: 0, max: 10 } },
    entry, exit, side: 'long', sizing: { kind: 'all-in' },
  };
}
