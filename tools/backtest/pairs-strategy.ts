import type { BacktestEngine, EngineStrategy } from './engine/engine.ts';
import { affordableQuantity } from './engine/config.ts';
import type { EngineOrder } from './engine/orders.ts';
import type { SignalPlan } from './signal-strategy.ts';

/** A pair on the engine's calendar: signals of the spread, its hedge ratio per bar, the two legs. */
export interface PairPlan {
  /** Signals and sizing of the spread; `symbol` is leg A. */
  plan: SignalPlan;
  legB: number;
  /** Hedge ratio per bar (NaN = not known yet). */
  hedge: ArrayLike<number>;
}

/**
 * Spread trading of A − β × B: a long spread buys A and sells round(|β| × qA) of B (buys when
 * β < 0), a short spread the reverse. qA is what weight × equity buys of one unit (A + |β| × B
 * at the signal close, commission included). Exits close both legs at market.
 *
 * @example engine.run(new PairsStrategy({ plan, legB: 1, hedge }))
 */
export class PairsStrategy implements EngineStrategy {
  /** 1 long spread, −1 short, 0 flat; set at entry, cleared once both legs are flat again. */
  private direction = 0;
  private orders: EngineOrder[] = [];

  constructor(private readonly pair: PairPlan) {}

  onBar(index: number, engine: BacktestEngine): void {
    const { plan, legB } = this.pair;
    const legA = plan.symbol;
    if (!engine.hasBar(legA, index) || !engine.hasBar(legB, index)) return;
    const flat = engine.position[legA] === 0 && engine.position[legB] === 0;
    if (flat && this.orders.every((order) => order.status !== 'working')) this.direction = 0;
    if (this.direction === 0) return this.enter(index, engine);
    const exit = plan.side === 'long-short' && this.direction < 0 ? plan.shortExit![index] : plan.exit[index];
    if (exit !== 1 || flat) return;
    for (const symbol of [legA, legB]) {
      if (engine.position[symbol] === 0) continue;
      engine.cancelSymbol(symbol);
      engine.submit({ symbol, side: engine.position[symbol] > 0 ? 'sell' : 'buy', closePosition: true, reason: 'exit' }, index);
    }
  }

  private enter(index: number, engine: BacktestEngine): void {
    const { plan, legB, hedge } = this.pair;
    let direction = 0;
    if (plan.entry[index] === 1) direction = plan.side === 'short' ? -1 : 1;
    else if (plan.side === 'long-short' && plan.shortEntry![index] === 1) direction = -1;
    const beta = hedge[index];
    const weight = typeof plan.weight === 'number' ? plan.weight : plan.weight[index];
    if (direction === 0 || !Number.isFinite(beta) || !(weight > 0)) return;
    const close = engine.market.close;
    const unit = close[plan.symbol][index] + Math.abs(beta) * close[legB][index];
    const quantityA = plan.shares ?? affordableQuantity(engine.currentEquity(index) * weight, unit, engine.config.commission, 1);
    const quantityB = Math.round(Math.abs(beta) * quantityA);
    if (quantityA === 0) return;
    this.direction = direction;
    this.orders = [engine.submit({ symbol: plan.symbol, side: direction > 0 ? 'buy' : 'sell', quantity: quantityA, reason: 'entry' }, index)];
    if (quantityB > 0) this.orders.push(engine.submit({ symbol: legB, side: direction * Math.sign(beta) > 0 ? 'sell' : 'buy', quantity: quantityB, reason: 'entry' }, index));
  }
}
