import { requireConfidence } from './book.ts';

/** Which model produced a VaR figure. */
export type VarMethod = 'historical' | 'parametric' | 'monte-carlo';

/**
 * Value at Risk and expected shortfall (CVaR) of a portfolio. Losses are positive numbers in
 * currency; a negative figure means even that quantile is a gain. Fractions are of
 * `portfolioValue` (net market value) and null when that is 0.
 */
export interface VarResult {
  method: VarMethod;
  confidence: number;
  horizonDays: number;
  valueAtRisk: number;
  expectedShortfall: number;
  valueAtRiskFraction: number | null;
  expectedShortfallFraction: number | null;
  portfolioValue: number;
  /** Scenarios behind the figure: days, windows or paths; 0 for the closed-form parametric. */
  scenarios: number;
}

/** Loss quantile of a P&L sample: VaR and expected shortfall in currency. */
export interface LossTail {
  valueAtRisk: number;
  expectedShortfall: number;
}

/**
 * Empirical loss tail of a P&L sample. With n outcomes sorted worst first and
 * k = ⌈n·(1 − confidence)⌉ (at least 1), VaR is the k-th worst loss and expected shortfall
 * the mean of the k worst, so expected shortfall ≥ VaR always.
 *
 * @example
 * // 100 outcomes, 95%: k = 5, VaR = 5th worst loss, ES = mean of the 5 worst
 * lossTail(new Float64Array([-10, -8, -6, -4, -2, ...new Array(95).fill(1)]), 0.95); // { valueAtRisk: 2, expectedShortfall: 6 }
 */
export function lossTail(pnl: Float64Array, confidence: number): LossTail {
  requireConfidence(confidence);
  const sorted = Float64Array.from(pnl).sort();
  // The epsilon keeps 100 × (1 − 0.95) = 5.000000000000004 at 5 rather than 6.
  const count = Math.max(1, Math.ceil(sorted.length * (1 - confidence) - 1e-9));
  let sum = 0;
  for (let index = 0; index < count; index++) sum += sorted[index];
  return { valueAtRisk: -sorted[count - 1], expectedShortfall: -sum / count };
}

/** Attach the method, horizon and fractions of portfolio value to a loss tail. */
export function toVarResult(method: VarMethod, tail: LossTail, context: { confidence: number; horizonDays: number; portfolioValue: number; scenarios: number }): VarResult {
  const { portfolioValue } = context;
  const fraction = (loss: number) => (portfolioValue === 0 ? null : loss / Math.abs(portfolioValue));
  return {
    method,
    confidence: context.confidence,
    horizonDays: context.horizonDays,
    valueAtRisk: tail.valueAtRisk,
    expectedShortfall: tail.expectedShortfall,
    valueAtRiskFraction: fraction(tail.valueAtRisk),
    expectedShortfallFraction: fraction(tail.expectedShortfall),
    portfolioValue,
    scenarios: context.scenarios,
  };
}
