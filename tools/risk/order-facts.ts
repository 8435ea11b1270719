import { Decimal, type OrderRequest } from '../../core/index.ts';
import { absolute, wide } from './exact.ts';
import type { CompiledLimits } from './limits.ts';
import { portfolioTotals, sectorOf, type PortfolioTotals, type RiskSnapshot } from './snapshot.ts';

/** Prices of the ordered symbol: the last trade, and the price a market order is expected at. */
export interface OrderMarket {
  lastPrice: Decimal;
  /** Expected execution price of a market order; the last price when absent. */
  referencePrice?: Decimal;
}

/**
 * What the rules measure, before and after the order, computed once per check. Amounts are
 * bigints in 1e-16 units (exact products); the ordered symbol is re-marked at the last price.
 */
export interface OrderFacts {
  symbol: string;
  side: OrderRequest['side'];
  /** A limit order, measured at its limit price. */
  isLimit: boolean;
  quantity: Decimal;
  /** Limit price, else the reference price, else the last price. */
  price: Decimal;
  lastPrice: Decimal;
  notional: bigint;
  positionBefore: Decimal;
  positionAfter: Decimal;
  symbolValueBefore: bigint;
  symbolValueAfter: bigint;
  grossBefore: bigint;
  grossAfter: bigint;
  netBefore: bigint;
  netAfter: bigint;
  cashBefore: bigint;
  cashAfter: bigint;
  equity: bigint;
  sector: string;
  sectorBefore: bigint;
  sectorAfter: bigint;
}

/**
 * Measure an order against a snapshot.
 * @example orderFacts(order, { lastPrice: Decimal.from('100') }, snapshot, limits).notional
 */
export function orderFacts(order: OrderRequest, market: OrderMarket, snapshot: RiskSnapshot, limits: CompiledLimits): OrderFacts {
  const totals = portfolioTotals(snapshot, limits.sectorMap);
  const symbol = order.symbol.toUpperCase();
  const quantity = Decimal.from(order.quantity, 'quantity');
  const isLimit = order.type === 'limit' && order.limitPrice !== undefined;
  const price = isLimit ? Decimal.from(order.limitPrice!, 'limitPrice') : (market.referencePrice ?? market.lastPrice);
  const held = totals.bySymbol.get(symbol);
  const positionBefore = held?.quantity ?? Decimal.ZERO;
  const positionAfter = order.side === 'buy' ? positionBefore.add(quantity) : positionBefore.sub(quantity);
  const notional = quantity.units * price.units;
  const symbolValueBefore = held ? held.quantity.units * held.mark.units : 0n;
  const symbolValueAfter = positionAfter.units * market.lastPrice.units;
  const cashBefore = wide(snapshot.cash);
  const sector = sectorOf(symbol, limits.sectorMap);
  const sectorBefore = totals.sectorGross.get(sector) ?? 0n;
  return {
    symbol, side: order.side, isLimit, quantity, price, lastPrice: market.lastPrice, notional, positionBefore, positionAfter, symbolValueBefore, symbolValueAfter,
    ...exposures(totals, symbolValueBefore, symbolValueAfter),
    cashBefore,
    cashAfter: order.side === 'buy' ? cashBefore - notional : cashBefore + notional,
    equity: totals.equity,
    sector,
    sectorBefore,
    sectorAfter: sectorBefore - absolute(symbolValueBefore) + absolute(symbolValueAfter),
  };
}

function exposures(totals: PortfolioTotals, before: bigint, after: bigint) {
  return {
    grossBefore: totals.gross,
    grossAfter: totals.gross - absolute(before) + absolute(after),
    netBefore: totals.net,
    netAfter: totals.net - before + after,
  };
}
