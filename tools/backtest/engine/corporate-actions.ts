import type { CorporateActions } from '../../../core/index.ts';

/** Changes of the adjustment factor smaller than this (relative) are rounding noise, not dividends. */
const NOISE = 1e-5;

/**
 * Dividends and splits implied by an adjusted close next to the raw close. The factor
 * f = adjClose / close steps up on an ex-date: by 1 / (1 − D / previous close) for a dividend D,
 * and by the split ratio for a split (when the raw close is not split-adjusted). A step above
 * 1.25 or below 0.8 is a split, rounded to the nearest ratio with a denominator up to 10;
 * a smaller step is a dividend. Yahoo's Close is already split-adjusted, so from it only
 * dividends appear.
 *
 * @example deriveCorporateActions(['2025-01-02', '2025-01-03'], [100, 99], [98.02, 99]).dividends // [{ date: '2025-01-03', amount: 1.98 }]
 */
export function deriveCorporateActions(dates: readonly string[], close: ArrayLike<number>, adjClose: ArrayLike<number>): CorporateActions {
  const actions: CorporateActions = { dividends: [], splits: [] };
  for (let index = 1; index < dates.length; index++) {
    const step = adjClose[index] / close[index] / (adjClose[index - 1] / close[index - 1]);
    if (!Number.isFinite(step) || Math.abs(step - 1) <= NOISE) continue;
    if (step > 1.25 || step < 0.8) actions.splits.push({ date: dates[index], ratio: nearestRatio(step) });
    else if (step > 1) actions.dividends.push({ date: dates[index], amount: close[index - 1] * (1 - 1 / step) });
  }
  return actions;
}

function nearestRatio(value: number): number {
  let best = value;
  let error = Number.POSITIVE_INFINITY;
  for (let denominator = 1; denominator <= 10; denominator++) {
    const numerator = Math.round(value * denominator);
    const candidate = numerator / denominator;
    if (numerator > 0 && Math.abs(candidate - value) < error - 1e-12) {
      best = candidate;
      error = Math.abs(candidate - value);
    }
  }
  return best;
}
