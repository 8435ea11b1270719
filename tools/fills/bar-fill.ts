import { DeskError } from '../../core/index.ts';

/**
 * How a resting order meets one bar: the rules shared by the backtester and the paper broker.
 *
 * A bar is only open/high/low/close: the path inside it is unknown, so the rules take the
 * conservative reading that every reference library (backtrader, zipline) takes:
 * - market: fills at the bar's open (or its close when `fillAt` is 'close').
 * - limit: fills when the bar trades through the limit; at the open when the bar opens beyond it
 *   (the gap gives a better price), otherwise at the limit itself.
 * - stop: triggers when the bar trades at or through the stop and then fills like a market order:
 *   at the open when the bar opens beyond the stop (a gap gives a worse price), otherwise at the
 *   stop price.
 * - stop-limit: triggers like a stop, then rests as a limit; on the trigger bar it fills only
 *   where both the trigger and the limit can have happened (at the open on a gap within the
 *   limit, at the stop price when that is within the limit, otherwise at the limit if the bar
 *   reaches it). A triggered stop-limit that did not fill stays a limit order on later bars.
 * Prices here are before slippage; see `applySlippage`.
 */

export type FillSide = 'buy' | 'sell';
export type FillOrderType = 'market' | 'limit' | 'stop' | 'stop_limit';

export interface RestingOrder {
  side: FillSide;
  type: FillOrderType;
  /** Required for limit and stop_limit. */
  limitPrice?: number | null;
  /** Required for stop and stop_limit. */
  stopPrice?: number | null;
  /** A stop_limit whose stop was hit on an earlier bar (it now rests as a limit). */
  triggered?: boolean;
}

export interface PriceBar {
  open: number;
  high: number;
  low: number;
  close: number;
}

export interface BarMatch {
  /** Whether the order fills on this bar. */
  filled: boolean;
  /** The fill price before slippage (NaN when not filled). */
  price: number;
  /** Whether the order's stop is now triggered (stop and stop_limit; false otherwise). */
  triggered: boolean;
  /** The price came from a gap through the order's price (the open). */
  gap: boolean;
}

const NO_FILL: BarMatch = Object.freeze({ filled: false, price: Number.NaN, triggered: false, gap: false });

/**
 * Match one resting order against one bar. Pure and allocation-free for the no-fill case.
 *
 * @example
 * matchOrderOnBar({ side: 'buy', type: 'limit', limitPrice: 99 }, { open: 98, high: 101, low: 97, close: 100 })
 * // { filled: true, price: 98, triggered: false, gap: true }: opened below the limit
 */
export function matchOrderOnBar(order: RestingOrder, bar: PriceBar, fillAt: 'open' | 'close' = 'open'): BarMatch {
  const buying = order.side === 'buy';
  switch (order.type) {
    case 'market':
      return { filled: true, price: fillAt === 'close' ? bar.close : bar.open, triggered: false, gap: false };
    case 'limit':
      return matchLimit(buying, requirePrice(order.limitPrice, 'limitPrice', order.type), bar, false);
    case 'stop': {
      const stop = requirePrice(order.stopPrice, 'stopPrice', order.type);
      if (buying ? bar.open >= stop : bar.open <= stop) return { filled: true, price: bar.open, triggered: true, gap: bar.open !== stop };
      if (buying ? bar.high >= stop : bar.low <= stop) return { filled: true, price: stop, triggered: true, gap: false };
      return NO_FILL;
    }
    case 'stop_limit': {
      const limit = requirePrice(order.limitPrice, 'limitPrice', order.type);
      if (order.triggered) return matchLimit(buying, limit, bar, true);
      const stop = requirePrice(order.stopPrice, 'stopPrice', order.type);
      if (buying ? bar.open >= stop : bar.open <= stop) {
        // Triggered at the open: from there on it is a limit order for the rest of the bar.
        return matchLimit(buying, limit, bar, true);
      }
      if (!(buying ? bar.high >= stop : bar.low <= stop)) return NO_FILL;
      // Triggered inside the bar at the stop price.
      if (buying ? stop <= limit : stop >= limit) return { filled: true, price: stop, triggered: true, gap: false };
      // A buy stop above its limit (or a sell stop below it) needs the bar to come back to the limit.
      if (buying ? bar.low <= limit : bar.high >= limit) return { filled: true, price: limit, triggered: true, gap: false };
      return { filled: false, price: Number.NaN, triggered: true, gap: false };
    }
  }
}

function matchLimit(buying: boolean, limit: number, bar: PriceBar, triggered: boolean): BarMatch {
  if (buying ? bar.open <= limit : bar.open >= limit) return { filled: true, price: bar.open, triggered, gap: bar.open !== limit };
  if (buying ? bar.low <= limit : bar.high >= limit) return { filled: true, price: limit, triggered, gap: false };
  return triggered ? { filled: false, price: Number.NaN, triggered, gap: false } : NO_FILL;
}

function requirePrice(value: number | null | undefined, field: string, type: FillOrderType): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DeskError('invalid_input', `${field} must be a positive finite price for a ${type} order (got ${value})`, { field });
  }
  return value;
}
