import type { BacktestMetrics, BacktestSettings, BarSeries, BoolExpr, NumExpr, StrategySpec } from '../../core/index.ts';
import { compileSpec, evaluateConditionExpression, evaluateNumericExpression, type EvaluationCache, type ExternalSeries, type StrategyParams } from '../strategy/index.ts';
import { engineConfig } from './engine/config.ts';
import { runSpecBacktest } from './spec.ts';

/** One parameter set's outcome; `path` says whether the fast loop or the event engine produced it. */
export interface SweepRun {
  params: StrategyParams;
  metrics: BacktestMetrics;
  /** The equity curve, when asked for. */
  equity?: Float64Array;
  path: 'sweep' | 'event';
}

export interface SweepOptions {
  externals?: ExternalSeries;
  /** Keep each run's equity curve (default false: metrics only, no per-set curve). */
  equity?: boolean;
}

const OPS = { gt: 0, lt: 1, gte: 2, lte: 3, crossAbove: 4, crossBelow: 5 } as const;
type Condition = { op: number; left: Float64Array; right: Float64Array };
const TRADING_DAYS = 252;

/**
 * Why a spec and settings need the event engine, or null when the fast loop reproduces it:
 * market orders at the next open, percent commission, no slippage, cap, leverage, borrow fee or
 * corporate actions; side long or short; all-in, percent-equity or fixed-shares sizing; no stops,
 * entry order, rotation or pairs.
 *
 * @example sweepUnsupported(getStrategy('sma_crossover'), { initialCash: 1e5, commissionRate: 0.001 }) // null
 */
export function sweepUnsupported(spec: StrategySpec, settings: BacktestSettings): string | null {
  const unsupported: string[] = [];
  if (settings.commission !== undefined && settings.commission.kind !== 'percent') unsupported.push(`commission ${settings.commission.kind}`);
  for (const key of ['slippage', 'participationCap', 'corporateActions'] as const) if (settings[key] !== undefined) unsupported.push(key);
  if (settings.fillAt === 'close') unsupported.push('fillAt close');
  if ((settings.maxLeverage ?? 1) !== 1) unsupported.push('maxLeverage');
  if ((settings.borrowRate ?? 0) !== 0) unsupported.push('borrowRate');
  if (spec.side === 'long-short') unsupported.push('side long-short');
  if (spec.sizing.kind === 'volatility-target' || spec.sizing.kind === 'kelly') unsupported.push(`sizing ${spec.sizing.kind}`);
  for (const key of ['stops', 'entryOrder', 'rotation', 'pairs'] as const) if (spec[key] !== undefined) unsupported.push(key);
  return unsupported.length === 0 ? null : unsupported.join(', ');
}

/**
 * Backtest many parameter sets of one spec on one series. Indicators are evaluated once per
 * distinct bound node for the whole grid (SMA(10) is shared by every set using it); each set then
 * runs one loop over typed arrays with the event engine's execution model and computes the
 * metrics in the same pass (all of runSpecBacktest's but the benchmark comparison). Specs or
 * settings outside that model (see sweepUnsupported) run through runSpecBacktest instead.
 *
 * @example sweepBacktest(series, getStrategy('sma_crossover'), [{ fast: 5, slow: 20 }, { fast: 10, slow: 30 }], settings)
 */
export function sweepBacktest(series: BarSeries, spec: StrategySpec, paramSets: readonly StrategyParams[], settings: BacktestSettings, options: SweepOptions = {}): SweepRun[] {
  const rate = settings.commission?.kind === 'percent' ? settings.commission.rate : settings.commissionRate;
  if (sweepUnsupported(spec, settings) !== null) {
    return paramSets.map((params) => {
      const result = runSpecBacktest(series, spec, params, settings, options.externals);
      return { params: result.params as StrategyParams, metrics: result.metrics, path: 'event', ...(options.equity ? { equity: Float64Array.from(result.equityCurve.equity) } : {}) };
    });
  }
  engineConfig(settings);
  const cache: EvaluationCache = new Map();
  const externals = options.externals ?? {};
  const scratch = new Float64Array(series.dates.length);
  return paramSets.map((params) => {
    const compiled = compileSpec(spec, params);
    const entry = condition(compiled.entry, series, externals, cache);
    const exit = condition(compiled.exit, series, externals, cache);
    const equity = options.equity ? new Float64Array(series.dates.length) : scratch;
    const metrics = simulate(series, entry, exit, spec, settings.initialCash, rate, equity);
    return { params: { ...compiled.params }, metrics, path: 'sweep', ...(options.equity ? { equity } : {}) };
  });
}

/** A comparison as (op, left, right) for the loop; any other condition as its 0/1 series compared > 0. */
function condition(expression: BoolExpr, series: BarSeries, externals: ExternalSeries, cache: EvaluationCache): Condition {
  if (expression.op in OPS) {
    const [left, right] = expression.args as [NumExpr, NumExpr];
    return { op: OPS[expression.op as keyof typeof OPS], left: evaluateNumericExpression(left, series, externals, cache), right: evaluateNumericExpression(right, series, externals, cache) };
  }
  const mask = evaluateConditionExpression(expression, series, externals, cache);
  return { op: OPS.gt, left: Float64Array.from(mask), right: new Float64Array(mask.length) };
}

function holds(op: number, left: Float64Array, right: Float64Array, index: number): boolean {
  switch (op) {
    case 0: return left[index] > right[index];
    case 1: return left[index] < right[index];
    case 2: return left[index] >= right[index];
    case 3: return left[index] <= right[index];
    case 4: return index > 0 && left[index - 1] <= right[index - 1] && left[index] > right[index];
    default: return index > 0 && left[index - 1] > right[index - 1] && left[index] <= right[index];
  }
}

// Slots of the book a run keeps in one Float64Array (fills are rare and live in their own functions,
// so the bar loop's optimized code is never thrown away when the first fill arrives).
const CASH = 0, POSITION = 1, ENTRY_PRICE = 2, ENTRY_COMMISSION = 3, TRADED = 4, TRADES = 5, CLOSED = 6, WINS = 7, PROFIT = 8, LOSS = 9;

/** The event engine's arithmetic, in the same order, for one symbol with market orders at the next open. */
function simulate(series: BarSeries, entry: Condition, exit: Condition, spec: StrategySpec, initialCash: number, rate: number, equity: Float64Array): BacktestMetrics {
  const { open, close } = series;
  const bars = close.length;
  // Locals, not property reads, inside the loop.
  const entryOp = entry.op, entryLeft = entry.left, entryRight = entry.right;
  const exitOp = exit.op, exitLeft = exit.left, exitRight = exit.right;
  const direction = spec.side === 'short' ? -1 : 1;
  const shares = spec.sizing.kind === 'fixed-shares' ? spec.sizing.shares : 0;
  const weight = spec.sizing.kind === 'percent-equity' ? spec.sizing.percent : 1;
  const book = new Float64Array(10);
  book[CASH] = initialCash;
  let pending = 0; // 1 entry, −1 exit, at the next open
  let budget = 0;
  let barsInMarket = 0, count = 0, mean = 0, squares = 0, downSquares = 0, sum = 0;
  let peak = Number.NEGATIVE_INFINITY, peakIndex = 0, maxDrawdown = 0, longest = 0, previous = 0;
  for (let index = 0; index < bars; index++) {
    if (pending > 0) enter(book, open[index], budget, shares, direction, rate);
    else if (pending < 0) leave(book, open[index], direction, rate);
    pending = 0;
    const position = book[POSITION];
    const value = position === 0 ? book[CASH] : book[CASH] + position * close[index];
    sum += value;
    if (index > 0) {
      const change = value / previous - 1;
      count++;
      const delta = change - mean;
      mean += delta / count;
      squares += delta * (change - mean);
      if (change < 0) downSquares += change * change;
    }
    equity[index] = value;
    previous = value;
    if (value >= peak) {
      peak = value;
      peakIndex = index;
    } else {
      if (peak > 0 && (peak - value) / peak > maxDrawdown) maxDrawdown = (peak - value) / peak;
      if (index - peakIndex > longest) longest = index - peakIndex;
    }
    if (position !== 0) {
      barsInMarket++;
      if (holds(exitOp, exitLeft, exitRight, index)) pending = -1;
    } else if (holds(entryOp, entryLeft, entryRight, index)) {
      pending = 1;
      budget = value * weight * 1;
    }
  }
  return sweepMetrics(book, { bars, initialCash, finalEquity: equity[bars - 1], count, mean, squares, downSquares, sum, maxDrawdown, longest, barsInMarket });
}

/** An entry fill: all-in/percent budget or fixed shares, clamped to what cash covers (the margin limit at leverage 1). */
function enter(book: Float64Array, price: number, budget: number, shares: number, direction: number, rate: number): void {
  let quantity = shares > 0 ? shares : affordable(budget, price, rate);
  const allowed = affordable(book[CASH], price, rate);
  if (quantity > allowed) quantity = allowed;
  if (quantity <= 0) return;
  const commission = quantity * price * rate;
  book[CASH] -= direction * quantity * price + commission;
  book[POSITION] = direction * quantity;
  book[ENTRY_PRICE] = price;
  book[ENTRY_COMMISSION] = commission;
  book[TRADED] += quantity * price;
  book[TRADES]++;
}

/** A close-out fill and its trade's PnL. */
function leave(book: Float64Array, price: number, direction: number, rate: number): void {
  const quantity = Math.abs(book[POSITION]);
  const commission = quantity * price * rate;
  book[CASH] -= -direction * quantity * price + commission;
  book[POSITION] = 0;
  book[TRADED] += quantity * price;
  const pnl = direction * quantity * (price - book[ENTRY_PRICE]) - book[ENTRY_COMMISSION] - commission + 0;
  book[CLOSED]++;
  if (pnl > 0) {
    book[WINS]++;
    book[PROFIT] += pnl;
  } else book[LOSS] -= pnl;
}

interface LoopTotals {
  bars: number; initialCash: number; finalEquity: number; count: number; mean: number; squares: number; downSquares: number;
  sum: number; maxDrawdown: number; longest: number; barsInMarket: number;
}

/** computeBacktestMetrics' formulas (without the benchmark) from the loop's running totals. */
function sweepMetrics(book: Float64Array, totals: LoopTotals): BacktestMetrics {
  const { bars, count, mean, maxDrawdown, finalEquity } = totals;
  const totalReturn = finalEquity / totals.initialCash - 1;
  const deviation = count > 1 ? Math.sqrt(totals.squares / (count - 1)) : 0;
  const downside = count > 0 ? Math.sqrt(totals.downSquares / count) : 0;
  const annualizedReturn = bars > 1 ? Math.pow(1 + totalReturn, TRADING_DAYS / (bars - 1)) - 1 : 0;
  const closed = book[CLOSED];
  return {
    totalReturn, annualizedReturn, annualizedVolatility: deviation * Math.sqrt(TRADING_DAYS),
    sharpe: deviation > 0 ? (mean / deviation) * Math.sqrt(TRADING_DAYS) : 0,
    maxDrawdown, trades: book[TRADES], winRate: closed > 0 ? book[WINS] / closed : 0, exposure: bars > 0 ? totals.barsInMarket / bars : 0, finalEquity,
    sortino: downside > 0 ? (mean / downside) * Math.sqrt(TRADING_DAYS) : 0,
    calmar: maxDrawdown > 0 ? annualizedReturn / maxDrawdown : 0, maxDrawdownBars: totals.longest,
    profitFactor: book[LOSS] > 0 ? book[PROFIT] / book[LOSS] : null, averageTrade: closed > 0 ? (book[PROFIT] - book[LOSS]) / closed : 0,
    turnover: bars > 0 ? (book[TRADED] / (totals.sum / bars)) * (TRADING_DAYS / bars) : 0,
  };
}

/** affordableQuantity for percent commission at leverage 1, inlined for the loop. */
function affordable(amount: number, price: number, rate: number): number {
  if (!(amount > 0 && price > 0)) return 0;
  return Math.max(0, Math.floor(amount / (price * (1 + 1 * rate))));
}
