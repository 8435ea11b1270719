import { DeskError } from '../../core/index.ts';
import { portfolioPnlSeries, requireHorizon, type RiskBook } from './book.ts';
import { lossTail, toVarResult, type VarResult } from './tail.ts';

/**
 * How a one-day history becomes an h-day VaR:
 * - `square-root`: one-day VaR and ES × √h (assumes independent, identically distributed days);
 * - `overlapping`: sums over every h-day window (n − h + 1 windows; windows share days, so the
 *   sample is less independent than its size suggests);
 * - `non-overlapping`: sums over consecutive blocks of h days (⌊n / h⌋ blocks, few for long h).
 */
export type HistoricalHorizonMethod = 'square-root' | 'overlapping' | 'non-overlapping';

export interface HistoricalVarOptions {
  confidence: number;
  /** Trading days; 1 by default. */
  horizonDays?: number;
  /** 'square-root' by default. */
  horizonMethod?: HistoricalHorizonMethod;
}

/**
 * Historical-simulation VaR and expected shortfall: today's positions replayed over each day
 * of the return history (full revaluation of a linear book), losses positive.
 *
 * @example
 * const result = historicalVar(book, { confidence: 0.99, horizonDays: 10, horizonMethod: 'overlapping' });
 * result.valueAtRisk; // currency; result.valueAtRiskFraction: share of portfolio value
 */
export function historicalVar(book: RiskBook, options: HistoricalVarOptions): VarResult {
  const horizonDays = requireHorizon(options.horizonDays ?? 1);
  const method = options.horizonMethod ?? 'square-root';
  const daily = portfolioPnlSeries(book);
  const scenarios = method === 'square-root' ? daily : horizonPnl(daily, horizonDays, method === 'overlapping' ? 1 : horizonDays);
  const tail = lossTail(scenarios, options.confidence);
  const scale = method === 'square-root' ? Math.sqrt(horizonDays) : 1;
  return toVarResult('historical', { valueAtRisk: tail.valueAtRisk * scale, expectedShortfall: tail.expectedShortfall * scale }, {
    confidence: options.confidence,
    horizonDays,
    portfolioValue: book.portfolioValue,
    scenarios: scenarios.length,
  });
}

/**
 * Sums of `window` consecutive daily P&L values, starting every `step` days. Daily P&L on a
 * fixed position is added, not compounded: the book is held at today's exposures.
 *
 * @example
 * horizonPnl(new Float64Array([1, 2, 3, 4]), 2, 1); // [3, 5, 7]
 */
export function horizonPnl(daily: Float64Array, window: number, step: number): Float64Array {
  const count = daily.length < window ? 0 : Math.floor((daily.length - window) / step) + 1;
  if (count === 0) {
    throw new DeskError('insufficient_data', `horizonDays ${window} is longer than the ${daily.length} days of returns; use a shorter horizon or 'square-root' scaling`, { field: 'horizonDays' });
  }
  const sums = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    let sum = 0;
    for (let day = index * step; day < index * step + window; day++) sum += daily[day];
    sums[index] = sum;
  }
  return sums;
}
