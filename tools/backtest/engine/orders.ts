import type { BacktestOrder } from '../../../core/index.ts';
import type { FillOrderType, FillSide } from '../../fills/index.ts';

/** What a strategy asks the engine for. Exactly one of quantity, budget or closePosition sizes it. */
export interface OrderRequest {
  /** Index into the market's symbols. */
  symbol: number;
  side: FillSide;
  /** Default market. */
  type?: FillOrderType;
  /** Default day: unfilled quantity expires after the symbol's next session. */
  timeInForce?: 'day' | 'gtc';
  /** Whole shares. */
  quantity?: number;
  /** Cash to commit, sized into whole shares at the fill price (after slippage, including commission). */
  budget?: number;
  /** Reduce-only: at each fill, whatever is still held (nothing held cancels the order). */
  closePosition?: boolean;
  limitPrice?: number;
  stopPrice?: number;
  /** Why: entry, exit, stop-loss, take-profit, trailing-stop, rebalance. */
  reason: string;
}

/** An order inside the engine; `quantity` is NaN until a budget or close-out order is sized at its first fill. */
export interface EngineOrder {
  id: number;
  symbol: number;
  side: FillSide;
  type: FillOrderType;
  timeInForce: 'day' | 'gtc';
  reason: string;
  submittedIndex: number;
  quantity: number;
  budget: number;
  closePosition: boolean;
  limitPrice: number | null;
  stopPrice: number | null;
  triggered: boolean;
  status: BacktestOrder['status'];
  filled: number;
  /** Sessions of its symbol the order has been working through. */
  sessions: number;
  fills: BacktestOrder['fills'];
  note: string | undefined;
}

/** The order as reported in a result. */
export function orderRecord(order: EngineOrder, symbols: readonly string[], dates: readonly string[]): BacktestOrder {
  return {
    id: order.id, symbol: symbols[order.symbol], side: order.side, type: order.type, timeInForce: order.timeInForce, reason: order.reason,
    submitted: dates[order.submittedIndex], quantity: Number.isNaN(order.quantity) ? 0 : order.quantity,
    limitPrice: order.limitPrice, stopPrice: order.stopPrice, status: order.status, filledQuantity: order.filled, fills: order.fills,
    ...(order.note === undefined ? {} : { note: order.note }),
  };
}
