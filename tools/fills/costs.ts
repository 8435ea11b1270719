import { DeskError } from '../../core/index.ts';
import type { FillOrderType, FillSide } from './bar-fill.ts';

/**
 * Trading costs shared by the backtester and the paper broker: slippage, commission and the
 * volume participation cap. Plain numbers (the backtester's hot loop); the paper broker rounds
 * the results to exact decimals.
 */

/** Adverse slippage: a fixed number of basis points of the price, or a fraction of an assumed spread (in bps). */
export type SlippageModel = { kind: 'bps'; bps: number } | { kind: 'spread'; spreadBps: number; fraction: number };

/** Commission per fill: a fraction of traded value, per share with a minimum (and optional maximum fraction of value), or fixed per order. */
export type CommissionModel =
  | { kind: 'percent'; rate: number }
  | { kind: 'per_share'; perShare: number; minimum: number; maxRate?: number }
  | { kind: 'fixed'; amount: number };

export const NO_SLIPPAGE: SlippageModel = Object.freeze({ kind: 'bps', bps: 0 });
export const NO_COMMISSION: CommissionModel = Object.freeze({ kind: 'percent', rate: 0 });

/**
 * The price after adverse slippage: buys pay more, sells receive less. Limit fills are never
 * pushed through their limit (a limit order's price is a promise), so slippage on a limit or a
 * triggered stop-limit is capped at `limitPrice`.
 *
 * @example
 * applySlippage(100, 'buy', { kind: 'bps', bps: 5 }) // 100.05
 * applySlippage(100, 'sell', { kind: 'spread', spreadBps: 10, fraction: 0.5 }) // 99.95
 */
export function applySlippage(price: number, side: FillSide, model: SlippageModel, limit?: { type: FillOrderType; limitPrice?: number | null }): number {
  const bps = model.kind === 'bps' ? model.bps : model.spreadBps * model.fraction;
  const slipped = side === 'buy' ? price * (1 + bps / 10_000) : price * (1 - bps / 10_000);
  if (limit && (limit.type === 'limit' || limit.type === 'stop_limit') && typeof limit.limitPrice === 'number') {
    return side === 'buy' ? Math.min(slipped, Math.max(price, limit.limitPrice)) : Math.max(slipped, Math.min(price, limit.limitPrice));
  }
  return slipped;
}

/**
 * Commission for one fill of `quantity` shares at `price`.
 *
 * @example
 * commissionFor({ kind: 'per_share', perShare: 0.005, minimum: 1 }, 100, 50) // 1 (0.50 raised to the minimum)
 * commissionFor({ kind: 'percent', rate: 0.001 }, 100, 50) // 5
 */
export function commissionFor(model: CommissionModel, quantity: number, price: number): number {
  const absQuantity = Math.abs(quantity);
  if (absQuantity === 0) return 0;
  switch (model.kind) {
    case 'percent':
      return absQuantity * price * model.rate;
    case 'per_share': {
      let fee = Math.max(absQuantity * model.perShare, model.minimum);
      if (model.maxRate !== undefined) fee = Math.min(fee, absQuantity * price * model.maxRate);
      return fee;
    }
    case 'fixed':
      return model.amount;
  }
}

/**
 * The most shares that may fill on a bar with `barVolume` under a participation cap (a fraction
 * of the bar's volume, whole shares, rounded down). A cap of 1 or more, or no cap, means no limit.
 *
 * @example
 * participationLimit(1_234, 0.1) // 123
 */
export function participationLimit(barVolume: number, cap: number | undefined): number {
  if (cap === undefined || cap >= 1) return Number.POSITIVE_INFINITY;
  return Math.floor(Math.max(0, barVolume) * cap);
}

/** Check cost models once, up front, with errors that name the field and the allowed range. */
export function validateCostModels(slippage: SlippageModel, commission: CommissionModel, participationCap?: number): void {
  if (slippage.kind === 'bps') requireRange(slippage.bps, 'slippage.bps', 0, 1_000);
  else {
    requireRange(slippage.spreadBps, 'slippage.spreadBps', 0, 10_000);
    requireRange(slippage.fraction, 'slippage.fraction', 0, 1);
  }
  switch (commission.kind) {
    case 'percent':
      requireRange(commission.rate, 'commission.rate', 0, 0.1);
      break;
    case 'per_share':
      requireRange(commission.perShare, 'commission.perShare', 0, 10);
      requireRange(commission.minimum, 'commission.minimum', 0, 10_000);
      if (commission.maxRate !== undefined) requireRange(commission.maxRate, 'commission.maxRate', 0, 0.1);
      break;
    case 'fixed':
      requireRange(commission.amount, 'commission.amount', 0, 10_000);
      break;
  }
  if (participationCap !== undefined && (!Number.isFinite(participationCap) || participationCap <= 0 || participationCap > 1)) {
    throw new DeskError('invalid_input', `participationCap must be a fraction of bar volume in (0, 1] (got ${participationCap})`, { field: 'participationCap' });
  }
}

function requireRange(value: number, field: string, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new DeskError('invalid_input', `${field} must be a number from ${min} to ${max} (got ${value})`, { field });
  }
}
