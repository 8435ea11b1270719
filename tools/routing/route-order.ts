import { Decimal, DeskError, type OrderSide } from '../../core/index.ts';
import { prepareVenue, venueFee, type PreparedVenue, type VenueConfig } from './venues.ts';

export interface RouteRequest {
  symbol: string;
  side: OrderSide;
  /** Shares, as an exact decimal string. */
  quantity: string;
  /** Reference (arrival) price per share. */
  price: string;
}

/** One venue's expected cost for the order; amounts in currency as exact decimal strings. */
export interface VenueEstimate {
  venue: string;
  feasible: boolean;
  capacity: string;
  fees: string;
  slippage: string;
  missCost: string;
  expectedCost: string;
  /** expectedCost over the order's value, in basis points (2 places). */
  costBps: string;
  reason: string;
}

export interface RouteDecision {
  /** The chosen venue, or null when no venue can take the whole order. */
  venue: string | null;
  /** Feasible venues cheapest first, then the infeasible ones. */
  ranking: VenueEstimate[];
  /** Why, in a sentence for the decision log. */
  reason: string;
}

export interface Router {
  route(request: RouteRequest): RouteDecision;
}

const BPS = Decimal.from(10_000);

/**
 * A router over configured venues: each venue's expected cost is fees + value × (half spread +
 * impact × quantity / capacity) / 10,000, weighted by its fill probability (a miss costs
 * `missCostBps` of the value); the cheapest venue that can take the whole order wins, ties to
 * the faster, then by name.
 *
 * @example
 * const router = createRouter([litVenue, deepVenue]);
 * router.route({ symbol: 'AAPL', side: 'buy', quantity: '100', price: '100' }).venue // 'lit'
 */
export function createRouter(venues: VenueConfig[], options: { missCostBps?: number } = {}): Router {
  if (venues.length === 0) throw new DeskError('invalid_input', 'the router needs at least one venue', { field: 'venues' });
  const names = new Set(venues.map((venue) => venue.name));
  if (names.size !== venues.length) throw new DeskError('invalid_input', 'venue names must be unique', { field: 'venues' });
  const prepared = venues.map(prepareVenue);
  const missCostBps = Decimal.from(options.missCostBps ?? 0, 'missCostBps');
  return {
    route: (request) => {
      const quantity = positiveDecimal(request.quantity, 'quantity');
      const value = quantity.mul(positiveDecimal(request.price, 'price'));
      const estimates = prepared.map((venue) => estimate(venue, quantity, value, missCostBps));
      estimates.sort((left, right) => compareEstimates(left, right) || left.venue.latencyMs - right.venue.latencyMs || left.venue.config.name.localeCompare(right.venue.config.name));
      const ranking = estimates.map((entry) => entry.estimate);
      return { venue: ranking[0].feasible ? ranking[0].venue : null, ranking, reason: explain(ranking, request) };
    },
  };
}

interface CostedVenue { venue: PreparedVenue; cost: Decimal; estimate: VenueEstimate }

function estimate(venue: PreparedVenue, quantity: Decimal, value: Decimal, missCostBps: Decimal): CostedVenue {
  const feasible = quantity.lte(venue.capacity);
  const fees = venueFee(venue, quantity, value);
  const slippageBps = venue.halfSpreadBps.add(venue.impactBps.mul(quantity).div(venue.capacity));
  const slippage = value.mul(slippageBps).div(BPS);
  const missed = Decimal.from(1).sub(venue.fillProbability);
  const missCost = value.mul(missCostBps).div(BPS).mul(missed);
  const expectedCost = fees.add(slippage).mul(venue.fillProbability).add(missCost);
  const costBps = expectedCost.div(value).mul(BPS);
  const reason = feasible
    ? `${venue.config.name}: fees ${fees.toFixed(2)} + slippage ${slippage.toFixed(2)} (${slippageBps.toFixed(2)} bps)${missed.isZero() ? '' : ` at fill probability ${venue.fillProbability}, miss cost ${missCost.toFixed(2)}`} = ${expectedCost.toFixed(2)} (${costBps.toFixed(2)} bps)`
    : `${venue.config.name}: cannot take ${quantity} shares, capacity ${venue.capacity}`;
  const result = {
    venue: venue.config.name, feasible, capacity: venue.capacity.toString(), fees: fees.toString(), slippage: slippage.toString(),
    missCost: missCost.toString(), expectedCost: expectedCost.toString(), costBps: costBps.toFixed(2), reason,
  };
  return { venue, cost: expectedCost, estimate: result };
}

function compareEstimates(left: CostedVenue, right: CostedVenue): number {
  if (left.estimate.feasible !== right.estimate.feasible) return left.estimate.feasible ? -1 : 1;
  return left.cost.cmp(right.cost);
}

function explain(ranking: VenueEstimate[], request: RouteRequest): string {
  const [best, ...rest] = ranking;
  if (!best.feasible) {
    return `no venue can take ${request.side} ${request.quantity} ${request.symbol} whole: ${ranking.map((entry) => entry.reason).join('; ')}; slice the order`;
  }
  const others = rest.map((entry) => entry.reason).join('; ');
  return `route ${request.side} ${request.quantity} ${request.symbol} to ${best.venue}, the lowest expected cost: ${best.reason}${others ? `; then ${others}` : ''}`;
}

function positiveDecimal(value: string, field: string): Decimal {
  const decimal = Decimal.from(value, field);
  if (!decimal.gt(Decimal.ZERO)) throw new DeskError('invalid_input', `${field} must be > 0 (got ${value})`, { field });
  return decimal;
}
