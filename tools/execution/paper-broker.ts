import {
  Decimal, DeskError, type Broker, type BrokerOrderReport, type BrokerPosition, type Clock, type Order,
  type PaperVenueFill, type PaperVenueOrder, type PaperVenueStore, type PaperVenueTransaction,
} from '../../core/index.ts';
import {
  applySlippage, commissionFor, matchOrderOnBar, participationLimit, validateCostModels, type CommissionModel, type PriceBar, type SlippageModel,
} from '../fills/index.ts';
import type { ExecutionProbe } from './probes.ts';
import { venuePositions, venueReport } from './paper-venue-records.ts';

/** A daily bar as the paper venue sees it. */
export interface VenueBar extends PriceBar {
  date: string;
  volume: number;
}

export interface PaperBrokerOptions {
  /** Where the venue keeps its book (Postgres for the desk, so it outlives the process). */
  venue: PaperVenueStore;
  /** The latest stored bar of a symbol, or null when there is none. */
  latestBar: (symbol: string) => Promise<VenueBar | null>;
  clock: Clock;
  slippage: SlippageModel;
  commission: CommissionModel;
  /** Most of a bar's volume one order may take (0.1 = 10%); absent = no cap. */
  participationCap?: number;
  name?: string;
  probe?: ExecutionProbe;
}

/** The paper broker: the Broker port plus the market-data entry point that fills resting orders. */
export interface PaperBroker extends Broker {
  /**
   * Evaluate every working order in `symbol` against a new bar (never twice against one date):
   * fills by the backtester's rules, day orders expire after their session's bar. Returns the
   * reports of the orders that changed, for the order manager to book.
   */
  processBar(symbol: string, bar: VenueBar): Promise<BrokerOrderReport[]>;
}

/**
 * A simulated venue with the backtester's fill rules (tools/fills). On submission an order meets
 * the latest price (the last bar's close, as a bar of one price): a market order fills there, a
 * marketable limit fills at the close (never through its limit), a stop whose price has traded
 * triggers; anything else rests as accepted. Each later bar (`processBar`) is matched with the
 * full open/high/low/close rules. Slippage (4 decimals) and commission (2 decimals) come from the
 * shared cost models; the participation cap limits each fill to a share of the bar's volume, so a
 * large order fills partially and keeps working. Execution ids are `<clientOrderId>:<n>`.
 *
 * @example
 * const paper = createPaperBroker({ venue, latestBar, clock, slippage: { kind: 'bps', bps: 2 }, commission: { kind: 'percent', rate: 0.0005 } });
 * await paper.submit(order); // { status: 'filled', fills: [{ executionId: 'co_1:1', ... }], ... }
 */
export function createPaperBroker(options: PaperBrokerOptions): PaperBroker {
  validateCostModels(options.slippage, options.commission, options.participationCap);
  const name = options.name ?? 'paper';
  const probe = options.probe ?? (() => {});
  const reportOf = async (order: PaperVenueOrder) => venueReport(order, await options.venue.listFills(order.clientOrderId));
  return {
    name,
    submit: async (order) => {
      // The transaction below refuses a second order under the same id; no separate look-up first.
      const latest = await options.latestBar(order.symbol);
      const now = options.clock.now().toISOString();
      const created = newVenueOrder(order, name, now);
      probe('venue:before-save');
      const report = await options.venue.transaction(async (tx) => {
        if (await tx.getOrder(order.clientOrderId)) return null;
        if (latest === null) {
          const rejected = { ...created, status: 'rejected' as const, reason: `no market price for ${order.symbol}` };
          await tx.saveOrder(rejected);
          return venueReport(rejected, []);
        }
        const close = latest.close;
        const { order: evaluated, fills } = evaluate(created, { open: close, high: close, low: close, close, date: latest.date, volume: latest.volume }, [], now, options);
        await tx.saveOrder(evaluated);
        probe('venue:after-order-row');
        for (const fill of fills) {
          await tx.insertFill(fill);
          probe('venue:after-fill-row');
        }
        return venueReport(evaluated, fills);
      });
      probe('venue:after-commit');
      return report ?? reportOf((await options.venue.getOrder(order.clientOrderId))!);
    },
    cancel: async (clientOrderId, reason) => {
      const report = await options.venue.transaction(async (tx) => {
        const order = await requireOrder(tx, clientOrderId, name);
        if (order.status !== 'accepted' && order.status !== 'partially_filled') return null;
        await tx.saveOrder({ ...order, status: 'cancelled', reason, updatedAt: options.clock.now().toISOString() });
        return true;
      });
      probe('venue-cancel:after-commit');
      const order = await options.venue.getOrder(clientOrderId);
      if (report === null && order === null) throw new DeskError('not_found', `broker ${name} has no order ${clientOrderId}`, { clientOrderId });
      return reportOf(order!);
    },
    getOrder: async (clientOrderId) => {
      const order = await options.venue.getOrder(clientOrderId);
      return order === null ? null : reportOf(order);
    },
    listOpenOrders: async () => Promise.all((await options.venue.listOpenOrders()).map(reportOf)),
    getPositions: async (): Promise<BrokerPosition[]> => venuePositions(await options.venue.listFills()),
    processBar: async (symbol, bar) => {
      const now = options.clock.now().toISOString();
      const changed = await options.venue.transaction(async (tx) => {
        const updates: PaperVenueOrder[] = [];
        for (const order of await tx.listOpenOrders(symbol.toUpperCase())) {
          if (order.lastBarDate !== null && order.lastBarDate >= bar.date) continue;
          const previous = await tx.listFills(order.clientOrderId);
          let { order: evaluated, fills } = evaluate(order, bar, previous, now, options);
          if (evaluated.timeInForce === 'day' && (evaluated.status === 'accepted' || evaluated.status === 'partially_filled')) {
            evaluated = { ...evaluated, status: 'expired', reason: `day order expired at the end of the ${bar.date} session` };
          }
          await tx.saveOrder(evaluated);
          for (const fill of fills) {
            await tx.insertFill(fill);
            probe('venue-bar:after-fill-row');
          }
          if (fills.length > 0 || evaluated.status !== order.status) updates.push(evaluated);
        }
        return updates;
      });
      probe('venue-bar:after-commit');
      return Promise.all(changed.map(reportOf));
    },
  };
}

function newVenueOrder(order: Order, name: string, now: string): PaperVenueOrder {
  return {
    clientOrderId: order.clientOrderId, brokerOrderId: `${name}-${order.clientOrderId}`, symbol: order.symbol, side: order.side,
    quantity: order.quantity, type: order.type, limitPrice: order.limitPrice, stopPrice: order.stopPrice, timeInForce: order.timeInForce,
    status: 'accepted', filledQuantity: '0', triggered: false, lastBarDate: null, reason: null, createdAt: now, updatedAt: now,
  };
}

async function requireOrder(tx: PaperVenueTransaction, clientOrderId: string, name: string): Promise<PaperVenueOrder> {
  const order = await tx.getOrder(clientOrderId);
  if (order === null) throw new DeskError('not_found', `broker ${name} has no order ${clientOrderId}`, { clientOrderId });
  return order;
}

/** Match one working order against one bar: at most one fill, capped by the participation limit. */
function evaluate(order: PaperVenueOrder, bar: VenueBar, previous: PaperVenueFill[], now: string, options: PaperBrokerOptions): { order: PaperVenueOrder; fills: PaperVenueFill[] } {
  // A triggered stop that could not fill completely is a market order from then on.
  const type = order.type === 'stop' && order.triggered ? 'market' : order.type;
  const limitPrice = order.limitPrice === null ? null : Number(order.limitPrice);
  const match = matchOrderOnBar({ side: order.side, type, limitPrice, stopPrice: order.stopPrice === null ? null : Number(order.stopPrice), triggered: order.triggered }, bar);
  const seen = { ...order, triggered: order.triggered || match.triggered, lastBarDate: bar.date, updatedAt: now };
  const remaining = Decimal.from(order.quantity).sub(Decimal.from(order.filledQuantity));
  const capacity = participationLimit(bar.volume, options.participationCap);
  const quantity = Number.isFinite(capacity) && remaining.gt(Decimal.from(capacity)) ? Decimal.from(capacity) : remaining;
  if (!match.filled || !quantity.gt(Decimal.ZERO)) return { order: seen, fills: [] };
  const price = Decimal.fromFloat(applySlippage(match.price, order.side, options.slippage, { type, limitPrice }), 4, 'fill price');
  const commission = Decimal.fromFloat(commissionFor(options.commission, quantity.toNumber(), price.toNumber()), 2, 'commission');
  const filled = Decimal.from(order.filledQuantity).add(quantity);
  const fill: PaperVenueFill = {
    executionId: `${order.clientOrderId}:${previous.length + 1}`, clientOrderId: order.clientOrderId, symbol: order.symbol, side: order.side,
    quantity: quantity.toString(), price: price.toString(), commission: commission.toString(), at: now,
  };
  const status = filled.eq(Decimal.from(order.quantity)) ? 'filled' : 'partially_filled';
  return { order: { ...seen, filledQuantity: filled.toString(), status }, fills: [fill] };
}
