import { DeskError } from '../../core/index.ts';
import type { RiskBook } from './book.ts';

/**
 * A price shock applied to today's positions, as simple returns (−0.2 = −20%):
 * - `uniform`: the same shock on every position;
 * - `beta-scaled`: each position moves betaᵢ × `marketShock` (betas from positionBetas), floored
 *   at −100% because a price cannot go below zero;
 * - `per-symbol`: a shock per symbol; symbols not listed get `otherwise` (0 by default).
 */
export type ShockScenario =
  | { kind: 'uniform'; shock: number }
  | { kind: 'beta-scaled'; marketShock: number; betas: Readonly<Record<string, number>> }
  | { kind: 'per-symbol'; shocks: Readonly<Record<string, number>>; otherwise?: number };

export interface StressedPosition {
  symbol: string;
  marketValue: number;
  shock: number;
  pnl: number;
}

export interface StressResult {
  positions: StressedPosition[];
  totalPnl: number;
  /** totalPnl / |portfolio value|; null when the value is 0. */
  totalPnlFraction: number | null;
}

/**
 * Revalue today's positions under a shock scenario: P&L = market value × shock per position
 * (a short gains when its price falls), and the total.
 *
 * @example
 * applyShockScenario(book, { kind: 'uniform', shock: -0.2 }).totalPnl; // −20% of a long book
 */
export function applyShockScenario(book: RiskBook, scenario: ShockScenario): StressResult {
  const shocks = book.symbols.map((symbol) => shockFor(symbol, scenario));
  const positions = book.symbols.map((symbol, index) => {
    const marketValue = book.exposures[index];
    return { symbol, marketValue, shock: shocks[index], pnl: marketValue * shocks[index] };
  });
  const totalPnl = positions.reduce((sum, position) => sum + position.pnl, 0);
  return { positions, totalPnl, totalPnlFraction: book.portfolioValue === 0 ? null : totalPnl / Math.abs(book.portfolioValue) };
}

function shockFor(symbol: string, scenario: ShockScenario): number {
  switch (scenario.kind) {
    case 'uniform':
      return requireShock(scenario.shock, 'shock');
    case 'per-symbol': {
      const shock = scenario.shocks[symbol];
      return shock === undefined ? requireShock(scenario.otherwise ?? 0, 'otherwise') : requireShock(shock, `shocks.${symbol}`);
    }
    case 'beta-scaled': {
      const marketShock = requireShock(scenario.marketShock, 'marketShock');
      const beta = scenario.betas[symbol];
      if (beta === undefined || !Number.isFinite(beta)) {
        throw new DeskError('invalid_input', `betas.${symbol} must be a finite number (got ${beta}); give a beta for every position`, { field: `betas.${symbol}` });
      }
      return Math.max(-1, beta * marketShock);
    }
  }
}

function requireShock(shock: number, field: string): number {
  if (!Number.isFinite(shock) || shock < -1) {
    throw new DeskError('invalid_input', `${field} must be a finite return ≥ −1 (−1 = price to zero; got ${shock})`, { field });
  }
  return shock;
}
