import type { StrategyStops } from '../../core/index.ts';
import type { BacktestEngine, EngineStrategy } from './engine/engine.ts';
import type { EngineOrder } from './engine/orders.ts';

/** How one symbol trades from per-bar signals (arrays on the engine's calendar, 1 = holds at that close). */
export interface SignalPlan {
  symbol: number;
  /** Long entries/exits; for side 'short' these are the short entries/exits. */
  entry: ArrayLike<number>;
  exit: ArrayLike<number>;
  /** Short entries and exits when side is 'long-short'. */
  shortEntry?: ArrayLike<number>;
  shortExit?: ArrayLike<number>;
  side: 'long' | 'short' | 'long-short';
  /** Fraction of equity committed per entry (per bar, or one number), unless `shares` is set. */
  weight: ArrayLike<number> | number;
  shares?: number;
  stops?: StrategyStops;
  /** Entry order: market (default), or a limit/stop `offset` (fraction) away from the signal close. */
  entryOrder?: { type: 'market' | 'limit' | 'stop'; offset: number; timeInForce: 'day' | 'gtc' };
}

interface PlanState {
  entryOrder: EngineOrder | null;
  exitOrder: EngineOrder | null;
  /** Entry bar of the trade the trailing stop follows, and its best close so far. */
  tradeEntry: number;
  bestClose: number;
}

/**
 * Signal-driven trading of one or more symbols: at a bar's close, a flat symbol whose entry
 * signal holds orders an entry sized at `weight × equity × scale` (or `shares`); a position
 * whose exit signal holds, or whose stop-loss, take-profit or trailing stop is hit at that close
 * (fractions of the entry price, the trailing one of the best close since entry), orders a
 * market close-out. With fills at the next open this is the classic signal-at-close backtest.
 *
 * @example engine.run(new SignalStrategy([{ symbol: 0, entry, exit, side: 'long', weight: 1 }]))
 */
export class SignalStrategy implements EngineStrategy {
  private readonly states: PlanState[];

  constructor(private readonly plans: readonly SignalPlan[], private readonly scale = 1) {
    this.states = plans.map(() => ({ entryOrder: null, exitOrder: null, tradeEntry: -1, bestClose: 0 }));
  }

  onBar(index: number, engine: BacktestEngine): void {
    for (let planIndex = 0; planIndex < this.plans.length; planIndex++) {
      const plan = this.plans[planIndex];
      if (!engine.hasBar(plan.symbol, index)) continue;
      const state = this.states[planIndex];
      const held = engine.position[plan.symbol];
      if (held === 0) this.whenFlat(plan, state, index, engine);
      else this.whenHolding(plan, state, index, engine, held > 0 ? 1 : -1);
    }
  }

  private whenFlat(plan: SignalPlan, state: PlanState, index: number, engine: BacktestEngine): void {
    if (state.entryOrder !== null && state.entryOrder.status === 'working') {
      if (plan.exit[index] === 1) engine.cancel(state.entryOrder);
      return;
    }
    let direction = 0;
    if (plan.entry[index] === 1) direction = plan.side === 'short' ? -1 : 1;
    else if (plan.side === 'long-short' && plan.shortEntry![index] === 1) direction = -1;
    if (direction === 0) return;
    const close = engine.market.close[plan.symbol][index];
    const weight = typeof plan.weight === 'number' ? plan.weight : plan.weight[index];
    if (plan.shares === undefined && !(weight > 0)) return;
    const sizing = plan.shares !== undefined ? { quantity: plan.shares } : { budget: engine.currentEquity(index) * weight * this.scale };
    const kind = plan.entryOrder?.type ?? 'market';
    const offset = plan.entryOrder?.offset ?? 0;
    // A limit waits for a better price (below the close to buy); a stop for confirmation (above it).
    const level = kind === 'limit' ? close * (1 - direction * offset) : close * (1 + direction * offset);
    state.entryOrder = engine.submit({
      symbol: plan.symbol, side: direction > 0 ? 'buy' : 'sell', type: kind, timeInForce: plan.entryOrder?.timeInForce ?? 'day', reason: 'entry', ...sizing,
      ...(kind === 'limit' ? { limitPrice: level } : kind === 'stop' ? { stopPrice: level } : {}),
    }, index);
  }

  private whenHolding(plan: SignalPlan, state: PlanState, index: number, engine: BacktestEngine, direction: number): void {
    if (state.exitOrder !== null && state.exitOrder.status === 'working') return;
    const trade = engine.openTrade(plan.symbol)!;
    if (state.tradeEntry !== trade.entryIndex) {
      state.tradeEntry = trade.entryIndex;
      state.bestClose = trade.entryPrice;
    }
    const exitSignal = plan.side === 'long-short' && direction < 0 ? plan.shortExit![index] : plan.exit[index];
    let reason = exitSignal === 1 ? 'exit' : null;
    if (reason === null && plan.stops !== undefined) reason = stopHit(plan.stops, state, engine.market.close[plan.symbol][index], trade.entryPrice, direction);
    if (reason === null) return;
    engine.cancelSymbol(plan.symbol);
    state.exitOrder = engine.submit({ symbol: plan.symbol, side: direction > 0 ? 'sell' : 'buy', closePosition: true, reason }, index);
  }
}

/**
 * Stop-loss, take-profit and trailing stop judged at the close (fractions of the entry price;
 * the trailing one of the best close since entry, kept in `state`); the reason of the first hit.
 */
export function stopHit(stops: StrategyStops, state: { bestClose: number }, close: number, entryPrice: number, direction: number): string | null {
  if (direction * (close - state.bestClose) > 0) state.bestClose = close;
  const move = direction * (close / entryPrice - 1);
  if (stops.stopLoss !== undefined && move <= -stops.stopLoss) return 'stop-loss';
  if (stops.takeProfit !== undefined && move >= stops.takeProfit) return 'take-profit';
  if (stops.trailing !== undefined && direction * (close / state.bestClose - 1) <= -stops.trailing) return 'trailing-stop';
  return null;
}
