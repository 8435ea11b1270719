import type { BacktestEngine, EngineStrategy } from './engine/engine.ts';
import { stopHit, type SignalPlan } from './signal-strategy.ts';

/** Rotation settings on the engine's calendar. */
export interface RotationPlan {
  /** Per symbol: signals (entry = eligible, exit = leave early), side, sizing, stops. */
  plans: readonly SignalPlan[];
  /** Per symbol, the rank at each bar (NaN = not rankable). */
  rank: readonly ArrayLike<number>[];
  top: number;
  rebalance: 'daily' | 'weekly' | 'monthly';
}

/**
 * Top-N rotation: at the close of the first bar of each period (day, week from Monday, month)
 * rank the symbols with a bar whose entry condition holds, highest rank first (ties by symbol
 * order), and hold the top N long (side long), short (side short), or the top N long and the
 * bottom N short (long-short). Positions leaving the selection are closed; new ones are opened
 * with weight × equity / N. Between rebalances a position's exit signal or stop closes it.
 *
 * @example engine.run(new RotationStrategy({ plans, rank, top: 2, rebalance: 'monthly' }))
 */
export class RotationStrategy implements EngineStrategy {
  private readonly best: { bestClose: number; entryIndex: number }[];

  constructor(private readonly rotation: RotationPlan) {
    this.best = rotation.plans.map(() => ({ bestClose: 0, entryIndex: -1 }));
  }

  onBar(index: number, engine: BacktestEngine): void {
    if (index === 0 || periodKey(engine.market.dates[index], this.rotation.rebalance) !== periodKey(engine.market.dates[index - 1], this.rotation.rebalance)) {
      this.rebalance(index, engine);
      return;
    }
    for (let symbol = 0; symbol < this.rotation.plans.length; symbol++) this.checkExit(symbol, index, engine);
  }

  private checkExit(symbol: number, index: number, engine: BacktestEngine): void {
    const held = engine.position[symbol];
    const plan = this.rotation.plans[symbol];
    if (held === 0 || !engine.hasBar(symbol, index)) return;
    const trade = engine.openTrade(symbol)!;
    const state = this.best[symbol];
    if (state.entryIndex !== trade.entryIndex) Object.assign(state, { entryIndex: trade.entryIndex, bestClose: trade.entryPrice });
    let reason = plan.exit[index] === 1 ? 'exit' : null;
    if (reason === null && plan.stops !== undefined) reason = stopHit(plan.stops, state, engine.market.close[symbol][index], trade.entryPrice, held > 0 ? 1 : -1);
    if (reason === null) return;
    engine.cancelSymbol(symbol);
    engine.submit({ symbol, side: held > 0 ? 'sell' : 'buy', closePosition: true, reason }, index);
  }

  private rebalance(index: number, engine: BacktestEngine): void {
    const { plans, rank, top } = this.rotation;
    const ranked: number[] = [];
    for (let symbol = 0; symbol < plans.length; symbol++) {
      if (engine.hasBar(symbol, index) && plans[symbol].entry[index] === 1 && Number.isFinite(rank[symbol][index])) ranked.push(symbol);
    }
    ranked.sort((left, right) => rank[right][index] - rank[left][index] || left - right);
    const wanted = new Int8Array(plans.length);
    const side = plans[0].side;
    if (side !== 'short') for (const symbol of ranked.slice(0, top)) wanted[symbol] = 1;
    if (side === 'short') for (const symbol of ranked.slice(0, top)) wanted[symbol] = -1;
    if (side === 'long-short') for (const symbol of ranked.slice(Math.max(top, ranked.length - top))) wanted[symbol] = -1;
    // Close first: the engine fills in submission order, so sales free cash before purchases.
    for (let symbol = 0; symbol < plans.length; symbol++) {
      const held = Math.sign(engine.position[symbol]);
      if (held !== 0 && held !== wanted[symbol] && engine.hasBar(symbol, index)) {
        engine.cancelSymbol(symbol);
        engine.submit({ symbol, side: held > 0 ? 'sell' : 'buy', closePosition: true, reason: 'rebalance' }, index);
      }
    }
    const equity = engine.currentEquity(index);
    for (let symbol = 0; symbol < plans.length; symbol++) {
      if (wanted[symbol] === 0 || Math.sign(engine.position[symbol]) === wanted[symbol]) continue;
      const plan = plans[symbol];
      const weight = typeof plan.weight === 'number' ? plan.weight : plan.weight[index];
      if (plan.shares === undefined && !(weight > 0)) continue;
      const sizing = plan.shares !== undefined ? { quantity: plan.shares } : { budget: (equity * weight) / top };
      engine.submit({ symbol, side: wanted[symbol] > 0 ? 'buy' : 'sell', reason: 'rebalance', ...sizing }, index);
    }
  }
}

/** The period a date falls in: itself (daily), its Monday-based week number, or YYYY-MM. */
function periodKey(date: string, rebalance: RotationPlan['rebalance']): string {
  if (rebalance === 'daily') return date;
  if (rebalance === 'monthly') return date.slice(0, 7);
  const days = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
  return String(Math.floor((days + 3) / 7));
}
