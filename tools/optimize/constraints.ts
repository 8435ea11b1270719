import { DeskError } from '../../core/index.ts';

/** One bound pair for every asset, or a pair per asset; null is unbounded on that side. */
export type WeightBounds = [number | null, number | null] | Array<[number | null, number | null]>;

/** Sector limits: each ticker's sector, and optional lower / upper total weight per sector. */
export type SectorConstraints = { sectorOf: Record<string, string>; lower?: Record<string, number>; upper?: Record<string, number> };

/** lower ≤ coefficientsᵀ w ≤ upper, stated for a fully invested (sum 1) portfolio. */
export type LinearConstraint = { coefficients: number[]; lower: number; upper: number };

/**
 * The weight-bound and sector constraints of a portfolio over `tickers`, checked for obvious
 * infeasibility (bounds that cannot sum to 1). Long-only [0, 1] by default.
 *
 * @example
 * portfolioConstraints(['A', 'B'], { weightBounds: [-1, 1] }).length; // 2 (one per asset)
 */
export function portfolioConstraints(tickers: string[], options: { weightBounds?: WeightBounds; sectors?: SectorConstraints }): LinearConstraint[] {
  const pairs = expandBounds(tickers, options.weightBounds ?? [0, 1]);
  const lowSum = pairs.reduce((sum, [low]) => sum + low, 0);
  const highSum = pairs.reduce((sum, [, high]) => sum + high, 0);
  if (lowSum > 1 + 1e-12 || highSum < 1 - 1e-12) {
    throw new DeskError('invalid_input', `weightBounds cannot sum to 1 (lower bounds sum to ${lowSum}, upper bounds to ${highSum}); allowed: sum of lowers <= 1 <= sum of uppers`, { field: 'weightBounds' });
  }
  const rows: LinearConstraint[] = pairs.map(([lower, upper], index) => ({ coefficients: unit(tickers.length, index), lower, upper }));
  return options.sectors ? [...rows, ...sectorRows(tickers, options.sectors)] : rows;
}

function expandBounds(tickers: string[], bounds: WeightBounds): Array<[number, number]> {
  const perAsset = Array.isArray(bounds[0]);
  const pairs = (perAsset ? bounds : tickers.map(() => bounds)) as Array<[number | null, number | null]>;
  if (pairs.length !== tickers.length) {
    throw new DeskError('invalid_input', `weightBounds must be one [lower, upper] pair or one per ticker (${tickers.length}, got ${pairs.length})`, { field: 'weightBounds' });
  }
  return pairs.map(([lower, upper], index) => {
    const low = lower ?? -Infinity;
    const high = upper ?? Infinity;
    if (Number.isNaN(low) || Number.isNaN(high) || low > high) {
      throw new DeskError('invalid_input', `weightBounds for ${tickers[index]} must have lower <= upper (got [${lower}, ${upper}])`, { field: 'weightBounds', ticker: tickers[index] });
    }
    return [low, high];
  });
}

function sectorRows(tickers: string[], sectors: SectorConstraints): LinearConstraint[] {
  const known = new Set(Object.values(sectors.sectorOf));
  const named = new Set([...Object.keys(sectors.lower ?? {}), ...Object.keys(sectors.upper ?? {})]);
  return [...named].map((sector) => {
    if (!known.has(sector)) {
      throw new DeskError('invalid_input', `sector "${sector}" has a limit but no ticker in sectorOf; allowed sectors: ${[...known].join(', ')}`, { field: 'sectors', sector });
    }
    const lower = sectors.lower?.[sector] ?? -Infinity;
    const upper = sectors.upper?.[sector] ?? Infinity;
    if (Number.isNaN(lower) || Number.isNaN(upper) || lower > upper) {
      throw new DeskError('invalid_input', `sector "${sector}" must have lower <= upper (got ${lower}, ${upper})`, { field: 'sectors', sector });
    }
    return { coefficients: tickers.map((ticker) => (sectors.sectorOf[ticker] === sector ? 1 : 0)), lower, upper };
  });
}

function unit(size: number, index: number): number[] {
  const row = new Array<number>(size).fill(0);
  row[index] = 1;
  return row;
}
