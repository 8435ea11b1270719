import { Decimal, DeskError, type OrderSide } from '../../core/index.ts';

export interface TcaFill {
  quantity: string;
  price: string;
  commission?: string;
}

/** The decision-time price: the quote's mid, or a last/reference price. */
export type ArrivalQuote = { bid: string; ask: string } | { last: string };

export interface TcaOrderInput {
  side: OrderSide;
  /** What was decided (the paper portfolio's quantity). */
  quantity: string;
  arrival: ArrivalQuote;
  fills: TcaFill[];
  /** Values the unfilled part (opportunity cost); required when the order did not fill completely. */
  finalPrice?: string;
}

/**
 * Costs are positive when they hurt (a buy above arrival, a sell below it). Currency amounts are
 * exact; basis points are rounded half-even to 4 places.
 */
export interface TcaResult {
  arrivalPrice: string;
  filledQuantity: string;
  unfilledQuantity: string;
  averagePrice: string | null;
  /** Σ side × quantity × (fill price − arrival). */
  executionCost: string;
  commissions: string;
  /** side × unfilled × (final price − arrival). */
  opportunityCost: string;
  /** executionCost + commissions + opportunityCost (Perold). */
  implementationShortfall: string;
  /** Shortfall over the paper value (arrival × decided quantity), in bps. */
  implementationShortfallBps: string;
  /** side × (average price − arrival) / arrival, in bps; null when nothing filled. */
  slippageBps: string | null;
  /** Commissions over the filled value, in bps; null when nothing filled. */
  commissionBps: string | null;
}

const BPS = Decimal.from(10_000);

/**
 * Transaction cost analysis of one order against its arrival price.
 *
 * @example
 * analyzeOrder({ side: 'buy', quantity: '1000', arrival: { bid: '99.98', ask: '100.02' }, fills: [{ quantity: '1000', price: '100.08', commission: '5' }] })
 * // { averagePrice: '100.08', executionCost: '80', implementationShortfall: '85', implementationShortfallBps: '8.5', slippageBps: '8', ... }
 */
export function analyzeOrder(input: TcaOrderInput): TcaResult {
  const sign = input.side === 'buy' ? Decimal.from(1) : Decimal.from(-1);
  const ordered = positive(input.quantity, 'quantity');
  const arrival = arrivalPrice(input.arrival);
  let filled = Decimal.ZERO;
  let value = Decimal.ZERO;
  let commissions = Decimal.ZERO;
  input.fills.forEach((fill, index) => {
    const quantity = positive(fill.quantity, `fills[${index}].quantity`);
    filled = filled.add(quantity);
    value = value.add(quantity.mul(positive(fill.price, `fills[${index}].price`)));
    commissions = commissions.add(nonNegative(fill.commission ?? '0', `fills[${index}].commission`));
  });
  const unfilled = ordered.sub(filled);
  if (unfilled.isNegative()) throw new DeskError('invalid_input', `fills add up to ${filled}, more than the order's ${ordered}`, { field: 'fills' });
  const executionCost = sign.mul(value.sub(filled.mul(arrival)));
  const opportunityCost = unfilled.isZero() ? Decimal.ZERO : sign.mul(unfilled.mul(finalPrice(input.finalPrice, unfilled).sub(arrival)));
  const shortfall = executionCost.add(commissions).add(opportunityCost);
  const averagePrice = filled.isZero() ? null : value.div(filled);
  return {
    arrivalPrice: arrival.toString(),
    filledQuantity: filled.toString(),
    unfilledQuantity: unfilled.toString(),
    averagePrice: averagePrice?.toString() ?? null,
    executionCost: executionCost.toString(),
    commissions: commissions.toString(),
    opportunityCost: opportunityCost.toString(),
    implementationShortfall: shortfall.toString(),
    implementationShortfallBps: bps(shortfall, ordered.mul(arrival)),
    slippageBps: averagePrice === null ? null : bps(sign.mul(averagePrice.sub(arrival)), arrival),
    commissionBps: filled.isZero() ? null : bps(commissions, value),
  };
}

/** The mid of bid and ask, or the last price; DeskError for a crossed or non-positive quote. */
export function arrivalPrice(quote: ArrivalQuote): Decimal {
  if ('last' in quote) return positive(quote.last, 'arrival.last');
  const bid = positive(quote.bid, 'arrival.bid');
  const ask = positive(quote.ask, 'arrival.ask');
  if (ask.lt(bid)) throw new DeskError('invalid_input', `arrival quote is crossed: ask ${ask} is below bid ${bid}`, { field: 'arrival' });
  return bid.add(ask).div(Decimal.from(2));
}

/** numerator / denominator in basis points, 4 places, half-even. */
function bps(numerator: Decimal, denominator: Decimal): string {
  return Decimal.from(numerator.mul(BPS).div(denominator).toFixed(4)).toString();
}

function finalPrice(value: string | undefined, unfilled: Decimal): Decimal {
  if (value === undefined) {
    throw new DeskError('invalid_input', `finalPrice is needed to value the ${unfilled} unfilled shares (opportunity cost)`, { field: 'finalPrice' });
  }
  return positive(value, 'finalPrice');
}

function positive(value: string, field: string): Decimal {
  const decimal = Decimal.from(value, field);
  if (!decimal.gt(Decimal.ZERO)) throw new DeskError('invalid_input', `${field} must be > 0 (got ${value})`, { field });
  return decimal;
}

function nonNegative(value: string, field: string): Decimal {
  const decimal = Decimal.from(value, field);
  if (decimal.isNegative()) throw new DeskError('invalid_input', `${field} must be >= 0 (got ${value})`, { field });
  return decimal;
}
