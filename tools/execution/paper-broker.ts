import { Decimal, DeskError, type Broker, type BrokerExecution, type Order } from '../../core/index.ts';

export interface PaperBrokerOptions {
  /** Latest price of a symbol, or null when there is none. */
  prices: (symbol: string) => Promise<{ price: number; date: string } | null>;
  /** Adverse slippage in basis points: buys pay more, sells receive less. */
  slippageBps: number;
  /** Commission as a fraction of traded value (0.0005 = 5 bps). */
  commissionRate: number;
}

const BASIS_POINTS = Decimal.from(10_000);

/**
 * A broker that fills against the latest price: market orders fill fully at price ± slippage
 * (4 decimals); limit orders fill only when marketable (buy: price <= limit) at the slipped
 * price capped by the limit, and are rejected otherwise. Commission = rate × value, 2 decimals.
 *
 * @example
 * const broker = createPaperBroker({ prices: async () => ({ price: 100, date: '2025-06-02' }), slippageBps: 2, commissionRate: 0.0005 });
 * await broker.submit(buyTen); // { status: 'filled', fills: [{ quantity: 10, price: 100.02, commission: 0.5 }] } (Decimals)
 */
export function createPaperBroker(options: PaperBrokerOptions): Broker {
  const slippage = nonNegativeDecimal(options.slippageBps, 'slippageBps').div(BASIS_POINTS);
  const commissionRate = nonNegativeDecimal(options.commissionRate, 'commissionRate');
  return {
    name: 'paper',
    submit: async (order) => {
      const quote = await options.prices(order.symbol);
      if (quote === null || !Number.isFinite(quote.price) || quote.price <= 0) {
        return { status: 'rejected', reason: `no market price for ${order.symbol}` };
      }
      return executeAt(order, Decimal.fromFloat(quote.price, 8, 'market price'), slippage, commissionRate);
    },
  };
}

function executeAt(order: Order, market: Decimal, slippage: Decimal, commissionRate: Decimal): BrokerExecution {
  const buying = order.side === 'buy';
  const slipped = roundTo(market.mul(buying ? Decimal.from(1).add(slippage) : Decimal.from(1).sub(slippage)), 4);
  let price = slipped;
  if (order.type === 'limit') {
    if (order.limitPrice === null) return { status: 'rejected', reason: `limit order ${order.clientOrderId} has no limit price` };
    const limit = Decimal.from(order.limitPrice, 'limitPrice');
    const marketable = buying ? market.lte(limit) : market.gte(limit);
    if (!marketable) {
      const relation = buying ? 'above' : 'below';
      return { status: 'rejected', reason: `limit ${order.side} at ${limit} is not marketable: market price ${market} is ${relation} the limit` };
    }
    // Slippage never pushes a fill through the limit.
    price = buying ? minimum(slipped, limit) : maximum(slipped, limit);
  }
  const quantity = Decimal.from(order.quantity, 'quantity');
  const commission = roundTo(quantity.mul(price).mul(commissionRate), 2);
  return { status: 'filled', fills: [{ quantity, price, commission }] };
}

function roundTo(value: Decimal, decimals: number): Decimal {
  return Decimal.from(value.toFixed(decimals));
}

function minimum(left: Decimal, right: Decimal): Decimal {
  return left.lte(right) ? left : right;
}

function maximum(left: Decimal, right: Decimal): Decimal {
  return left.gte(right) ? left : right;
}

function nonNegativeDecimal(value: number, field: string): Decimal {
  if (!Number.isFinite(value) || value < 0) {
    throw new DeskError('invalid_input', `${field} must be a number >= 0 (got ${value})`, { field });
  }
  return Decimal.from(value, field);
}
