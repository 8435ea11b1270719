import { DeskError } from '../../../core/index.ts';
import { applySlippage, commissionFor, matchOrderOnBar, participationLimit, type PriceBar } from '../../fills/index.ts';
import { affordableQuantity, type EngineConfig } from './config.ts';
import type { EngineMarket } from './market.ts';
import type { EngineOrder, OrderRequest } from './orders.ts';
import { TradeBook } from './trades.ts';

/** A strategy sees each bar's close (after that bar's fills) and may submit or cancel orders. */
export interface EngineStrategy {
  onBar(index: number, engine: BacktestEngine): void;
}

/**
 * The event-driven, bar-based backtester. Per bar: corporate actions at the open, working
 * orders matched against the bar (tools/fills rules, slippage, commission, participation cap,
 * margin limit), marking at the close with borrow fees on shorts, day orders that had their
 * session expire, then the strategy; with fill-at-close, market orders submitted at this close
 * fill at it. State lives in typed arrays; orders, fills and trades allocate per event only.
 *
 * @example
 * const engine = new BacktestEngine(buildMarket([series]), engineConfig(settings));
 * engine.run(strategy);
 * engine.equity; engine.trades.all(engine.lastClose);
 */
export class BacktestEngine {
  cash: number;
  readonly position: Float64Array;
  /** Last close of each symbol (its mark on days without a bar). */
  readonly lastClose: Float64Array;
  readonly equity: Float64Array;
  readonly orders: EngineOrder[] = [];
  readonly trades: TradeBook;
  /** Value of all fills (buys + sells). */
  tradedValue = 0;
  /** Bars that closed with any position. */
  barsInMarket = 0;
  private working: EngineOrder[] = [];
  private readonly bar: PriceBar = { open: 0, high: 0, low: 0, close: 0 };
  private readonly hasActions: boolean;

  constructor(readonly market: EngineMarket, readonly config: EngineConfig) {
    const symbols = market.symbols.length;
    this.cash = config.initialCash;
    this.position = new Float64Array(symbols);
    this.lastClose = new Float64Array(symbols).fill(Number.NaN);
    this.equity = new Float64Array(market.dates.length);
    this.trades = new TradeBook(market.symbols, market.dates);
    this.hasActions = market.dividends.some((column) => column !== null) || market.splits.some((column) => column !== null);
  }

  /** Run the strategy over every bar of the calendar. */
  run(strategy: EngineStrategy): void {
    const bars = this.market.dates.length;
    const atClose = this.config.fillAtClose;
    for (let index = 0; index < bars; index++) {
      if (this.hasActions) this.applyCorporateActions(index);
      if (this.working.length > 0) this.matchWorking(index, false);
      this.mark(index, true);
      // A day order's session ends with the bar: the strategy sees it expired at this close.
      if (this.working.length > 0) this.expireDayOrders(index);
      strategy.onBar(index, this);
      if (atClose && this.working.length > 0) {
        this.matchWorking(index, true);
        this.mark(index, false);
        if (this.working.length > 0) this.expireDayOrders(index);
      }
      if (this.inMarket()) this.barsInMarket++;
    }
  }

  /** Whether `symbol` has a bar at `index`. */
  hasBar(symbol: number, index: number): boolean {
    return !Number.isNaN(this.market.close[symbol][index]);
  }

  /** Equity at the last mark (the current bar's close once the strategy runs). */
  currentEquity(index: number): number {
    return this.equity[index];
  }

  /** Queue an order; it first meets the next bar (or this close, for a market order with fill-at-close). */
  submit(request: OrderRequest, index: number): EngineOrder {
    const sized = (request.quantity !== undefined ? 1 : 0) + (request.budget !== undefined ? 1 : 0) + (request.closePosition === true ? 1 : 0);
    if (sized !== 1) throw new DeskError('invalid_input', `order for ${this.market.symbols[request.symbol]} needs exactly one of quantity, budget or closePosition`, { field: 'quantity' });
    if (request.quantity !== undefined && !(Number.isInteger(request.quantity) && request.quantity > 0)) {
      throw new DeskError('invalid_input', `order quantity must be a whole number > 0 (got ${request.quantity})`, { field: 'quantity' });
    }
    const order: EngineOrder = {
      id: this.orders.length + 1, symbol: request.symbol, side: request.side, type: request.type ?? 'market', timeInForce: request.timeInForce ?? 'day',
      reason: request.reason, submittedIndex: index, quantity: request.quantity ?? Number.NaN, budget: request.budget ?? 0,
      closePosition: request.closePosition === true, limitPrice: request.limitPrice ?? null, stopPrice: request.stopPrice ?? null,
      triggered: false, status: 'working', filled: 0, sessions: 0, fills: [], note: undefined,
    };
    this.orders.push(order);
    this.working.push(order);
    return order;
  }

  /** Cancel a working order (no-op once it is done). */
  cancel(order: EngineOrder): void {
    if (order.status !== 'working') return;
    order.status = 'cancelled';
    this.working = this.working.filter((candidate) => candidate !== order);
  }

  /** Cancel every working order of a symbol. */
  cancelSymbol(symbol: number): void {
    for (const order of this.working) if (order.symbol === symbol) order.status = 'cancelled';
    this.working = this.working.filter((order) => order.status === 'working');
  }

  /** Open trade of a symbol, if any. */
  openTrade(symbol: number) {
    return this.trades.open[symbol];
  }

  private inMarket(): boolean {
    for (let symbol = 0; symbol < this.position.length; symbol++) if (this.position[symbol] !== 0) return true;
    return false;
  }

  /** Equity at the close; on the first pass also the close becomes the mark, borrow fees accrue and trade ranges grow. */
  private mark(index: number, firstPass: boolean): void {
    const { close, high, low } = this.market;
    const borrow = this.config.borrowPerBar;
    let value = 0;
    for (let symbol = 0; symbol < this.position.length; symbol++) {
      const price = close[symbol][index];
      const quantity = this.position[symbol];
      if (firstPass && price === price) {
        this.lastClose[symbol] = price;
        const trade = this.trades.open[symbol];
        if (trade !== null && index >= trade.rangeFrom) {
          if (high[symbol][index] > trade.highest) trade.highest = high[symbol][index];
          if (low[symbol][index] < trade.lowest) trade.lowest = low[symbol][index];
        }
      }
      if (quantity === 0) continue;
      if (firstPass && quantity < 0 && borrow > 0) {
        const fee = -quantity * this.lastClose[symbol] * borrow;
        this.cash -= fee;
        this.trades.open[symbol]!.income -= fee;
      }
      value += quantity * this.lastClose[symbol];
    }
    this.equity[index] = this.cash + value;
  }

  private applyCorporateActions(index: number): void {
    for (let symbol = 0; symbol < this.position.length; symbol++) {
      const split = this.market.splits[symbol]?.[index] ?? 1;
      if (split !== 1) this.split(symbol, split);
      const dividend = this.market.dividends[symbol]?.[index] ?? 0;
      if (dividend !== 0 && this.position[symbol] !== 0) {
        const amount = this.position[symbol] * dividend;
        this.cash += amount;
        this.trades.open[symbol]!.income += amount;
      }
    }
  }

  /** A split: shares × ratio (a fractional share is paid out in cash), prices ÷ ratio. */
  private split(symbol: number, ratio: number): void {
    const previousClose = this.lastClose[symbol] / ratio;
    this.lastClose[symbol] = previousClose;
    const scaled = this.position[symbol] * ratio;
    const whole = Math.trunc(scaled);
    this.cash += (scaled - whole) * previousClose;
    this.position[symbol] = whole;
    const trade = this.trades.open[symbol];
    if (trade !== null) {
      trade.quantity *= ratio;
      trade.entryPrice /= ratio;
      trade.exitQuantity *= ratio;
      trade.exitPrice /= ratio;
      trade.highest /= ratio;
      trade.lowest /= ratio;
      trade.income += (scaled - whole) * previousClose;
    }
    for (const order of this.working) {
      if (order.symbol !== symbol) continue;
      if (!Number.isNaN(order.quantity)) order.quantity = order.filled * ratio + Math.floor((order.quantity - order.filled) * ratio);
      order.filled *= ratio;
      if (order.limitPrice !== null) order.limitPrice /= ratio;
      if (order.stopPrice !== null) order.stopPrice /= ratio;
    }
  }

  private matchWorking(index: number, atClose: boolean): void {
    const { open, high, low, close } = this.market;
    const bar = this.bar;
    let done = 0;
    for (const order of this.working) {
      const symbol = order.symbol;
      const price = open[symbol][index];
      if (price !== price) continue;
      if (atClose && (order.type !== 'market' || order.submittedIndex !== index)) continue;
      if (!atClose && order.submittedIndex === index) continue;
      order.sessions++;
      bar.open = price;
      bar.high = high[symbol][index];
      bar.low = low[symbol][index];
      bar.close = close[symbol][index];
      const match = matchOrderOnBar(order, bar, atClose ? 'close' : 'open');
      if (match.triggered) order.triggered = true;
      if (match.filled) this.fill(order, match.price, index, atClose);
      if (order.status !== 'working') done++;
    }
    if (done > 0) this.working = this.working.filter((order) => order.status === 'working');
  }

  private fill(order: EngineOrder, matched: number, index: number, atClose: boolean): void {
    const { config } = this;
    const symbol = order.symbol;
    const price = config.slippage === null ? matched : applySlippage(matched, order.side, config.slippage, order);
    const direction = order.side === 'buy' ? 1 : -1;
    const held = this.position[symbol];
    const reducing = held !== 0 && Math.sign(held) !== direction;
    if (order.closePosition && !reducing) return this.finish(order, order.filled > 0 ? 'filled' : 'cancelled', order.filled > 0 ? undefined : 'no position to close');
    if (Number.isNaN(order.quantity)) {
      order.quantity = order.closePosition ? Math.abs(held) : affordableQuantity(order.budget, price, config.commission, 1);
      if (order.quantity === 0) return this.finish(order, 'refused', `a budget of ${order.budget} buys no whole share at ${price}`);
    }
    let quantity = order.quantity - order.filled;
    if (reducing && quantity > Math.abs(held)) {
      quantity = Math.abs(held);
      if (!order.closePosition) order.note = 'reduced to the position held';
    }
    const cap = participationLimit(this.market.volume[symbol][index], config.participationCap);
    if (quantity > cap) {
      quantity = cap;
      order.note = `participation cap ${config.participationCap} of bar volume`;
      if (quantity === 0) return;
    }
    if (!reducing) {
      const allowed = this.marginLimit(symbol, price, held);
      if (quantity > allowed) {
        if (allowed <= 0) return this.finish(order, order.filled > 0 ? 'cancelled' : 'refused', `margin limit: leverage ${config.maxLeverage} leaves no room`);
        quantity = allowed;
        order.note = `reduced by the margin limit (leverage ${config.maxLeverage})`;
        order.quantity = order.filled + quantity;
      }
    }
    const commission = commissionFor(config.commission, quantity, price);
    this.cash -= direction * quantity * price + commission;
    const after = held + direction * quantity;
    this.position[symbol] = after;
    this.tradedValue += quantity * price;
    this.trades.fill(symbol, direction, quantity, price, commission, index, atClose, after);
    order.fills.push({ date: this.market.dates[index], quantity, price, commission });
    order.filled += quantity;
    if (order.filled >= order.quantity || (order.closePosition && after === 0)) this.finish(order, 'filled');
  }

  private finish(order: EngineOrder, status: EngineOrder['status'], note?: string): void {
    order.status = status;
    if (note !== undefined) order.note = note;
  }

  /** Whole shares that keep gross exposure within maxLeverage × equity after the fill. */
  private marginLimit(symbol: number, price: number, held: number): number {
    let gross = 0;
    let value = 0;
    for (let other = 0; other < this.position.length; other++) {
      const quantity = this.position[other];
      if (other === symbol || quantity === 0) continue;
      gross += Math.abs(quantity) * this.lastClose[other];
      value += quantity * this.lastClose[other];
    }
    const equity = this.cash + value + held * price;
    const headroom = this.config.maxLeverage * equity - gross - Math.abs(held) * price;
    return affordableQuantity(headroom, price, this.config.commission, this.config.maxLeverage);
  }

  private expireDayOrders(index: number): void {
    let expired = 0;
    for (const order of this.working) {
      if (order.timeInForce === 'day' && order.sessions > 0 && this.hasBar(order.symbol, index)) {
        order.status = 'expired';
        expired++;
      }
    }
    if (expired > 0) this.working = this.working.filter((order) => order.status === 'working');
  }
}
