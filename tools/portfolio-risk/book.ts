import { Decimal, DeskError } from '../../core/index.ts';

/** One holding: signed quantity (negative = short) and the latest price. */
export interface RiskPosition {
  symbol: string;
  /** A finite number or an exact decimal string such as core's `Position.quantity`. */
  quantity: number | string;
  price: number;
}

/** Aligned daily simple returns per symbol: index t is the same day for every symbol. */
export type ReturnHistories = Readonly<Record<string, Float64Array>>;

/**
 * Positions lined up with their return histories, the shape every risk function takes.
 * `exposures[i]` is quantity × price of `symbols[i]` in currency; `returns[i]` its history.
 */
export interface RiskBook {
  symbols: readonly string[];
  exposures: Float64Array;
  returns: readonly Float64Array[];
  /** Net market value Σ quantity × price; VaR fractions are taken against it. */
  portfolioValue: number;
  /** Σ |quantity × price|. */
  grossExposure: number;
  observations: number;
}

/**
 * Validate positions and histories and line them up. Every position needs a history; all
 * histories must be the same length (at least 2) and finite.
 *
 * @example
 * const book = buildRiskBook([{ symbol: 'AAPL', quantity: 10, price: 200 }], { AAPL: new Float64Array([0.01, -0.02]) });
 * book.portfolioValue; // 2000
 */
export function buildRiskBook(positions: readonly RiskPosition[], histories: ReturnHistories): RiskBook {
  if (positions.length === 0) {
    throw new DeskError('invalid_input', 'positions must hold at least one position (got none)', { field: 'positions' });
  }
  const seen = new Set<string>();
  const exposures = new Float64Array(positions.length);
  const returns: Float64Array[] = [];
  let observations = -1;
  positions.forEach((position, index) => {
    const field = `positions[${index}]`;
    if (seen.has(position.symbol)) {
      throw new DeskError('invalid_input', `${field}.symbol ${position.symbol} appears twice; net each symbol into one position`, { field: `${field}.symbol` });
    }
    seen.add(position.symbol);
    const quantity = typeof position.quantity === 'string' ? Decimal.from(position.quantity, `${field}.quantity`).toNumber() : requireFinite(position.quantity, `${field}.quantity`);
    const price = requireFinite(position.price, `${field}.price`);
    if (price <= 0) throw new DeskError('invalid_number', `${field}.price must be > 0 (got ${price})`, { field: `${field}.price` });
    exposures[index] = quantity * price;
    const history = histories[position.symbol];
    if (history === undefined) {
      throw new DeskError('insufficient_data', `returns.${position.symbol} is missing; every position needs a daily return history`, { field: `returns.${position.symbol}` });
    }
    if (observations === -1) observations = history.length;
    if (history.length !== observations) {
      throw new DeskError('invalid_input', `returns.${position.symbol} has ${history.length} days but returns.${positions[0].symbol} has ${observations}; histories must be aligned`, { field: `returns.${position.symbol}` });
    }
    requireFiniteSeries(history, `returns.${position.symbol}`);
    returns.push(history);
  });
  if (observations < 2) {
    throw new DeskError('insufficient_data', `returns must hold at least 2 days (got ${observations})`, { field: 'returns' });
  }
  let portfolioValue = 0;
  let grossExposure = 0;
  for (const exposure of exposures) {
    portfolioValue += exposure;
    grossExposure += Math.abs(exposure);
  }
  return { symbols: positions.map((position) => position.symbol), exposures, returns, portfolioValue, grossExposure, observations };
}

/** Daily P&L in currency of the current positions replayed over each day of history. */
export function portfolioPnlSeries(book: RiskBook): Float64Array {
  const pnl = new Float64Array(book.observations);
  book.returns.forEach((history, asset) => {
    const exposure = book.exposures[asset];
    for (let day = 0; day < pnl.length; day++) pnl[day] += exposure * history[day];
  });
  return pnl;
}

/** `value` if finite, else an invalid_number DeskError naming `field`. */
export function requireFinite(value: number, field: string): number {
  if (!Number.isFinite(value)) {
    throw new DeskError('invalid_number', `${field} must be a finite number (got ${value})`, { field });
  }
  return value;
}

/** Throws an invalid_number DeskError naming `field` and the index of the first non-finite value. */
export function requireFiniteSeries(values: Float64Array, field: string): void {
  for (let index = 0; index < values.length; index++) {
    if (!Number.isFinite(values[index])) {
      throw new DeskError('invalid_number', `${field}[${index}] must be a finite number (got ${values[index]})`, { field });
    }
  }
}

/** Confidence of a VaR: strictly between 0.5 and 1 (0.95 and 0.99 are usual). */
export function requireConfidence(confidence: number): number {
  if (!(confidence > 0.5 && confidence < 1)) {
    throw new DeskError('invalid_input', `confidence must be in (0.5, 1), e.g. 0.95 or 0.99 (got ${confidence})`, { field: 'confidence' });
  }
  return confidence;
}

/** Horizon in trading days: a positive integer. */
export function requireHorizon(horizonDays: number): number {
  if (!Number.isInteger(horizonDays) || horizonDays < 1) {
    throw new DeskError('invalid_input', `horizonDays must be a positive integer (got ${horizonDays})`, { field: 'horizonDays' });
  }
  return horizonDays;
}
