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

/** The event engine's arithmetic, in the same order, for one symbol with market orders at the next open. */
function simulate(series: BarSeries, entry: Condition, exit: Condition, spec: StrategySpec, initialCash: number, rate: number, equity: Float64Array): BacktestMetrics {
  const { open, close } = series;
  const bars = close.length;
  const direction = spec.side === 'short' ? -1 : 1;
  const sizing = spec.sizing;
  const weight = sizing.kind === 'percent-equity' ? sizing.percent : 1;
  let cash = initialCash;
  let position = 0;
  let pending = 0; // 1 entry, −1 exit, at the next open
  let budget = 0;
  let entryPrice = 0;
  let entryCommission = 0;
  let trades = 0, closed = 0, wins = 0, grossProfit = 0, grossLoss = 0, tradedValue = 0, barsInMarket = 0;
  let count = 0, mean = 0, squares = 0, downSquares = 0, sum = 0;
  let peak = Number.NEGATIVE_INFINITY, peakIndex = 0, maxDrawdown = 0, longest = 0;
  for (let index = 0; index < bars; index++) {
    if (pending !== 0) {
      const price = open[index];
      if (pending > 0) {
        let quantity = sizing.kind === 'fixed-shares' ? sizing.shares : affordable(budget, price, rate);
        const allowed = affordable(cash, price, rate);
        if (quantity > allowed) quantity = allowed;
        if (quantity > 0) {
          entryCommission = quantity * price * rate;
          cash -= direction * quantity * price + entryCommission;
          position = direction * quantity;
          entryPrice = price;
          tradedValue += quantity * price;
          trades++;
        }
      } else {
        const quantity = Math.abs(position);
        const commission = quantity * price * rate;
        cash -= -direction * quantity * price + commission;
        position = 0;
        tradedValue += quantity * price;
        const pnl = direction * quantity * (price - entryPrice) - entryCommission - commission + 0;
        closed++;
        if (pnl > 0) { wins++; grossProfit += pnl; } else grossLoss -= pnl;
      }
      pending = 0;
    }
    const value = position === 0 ? cash : cash + position * close[index];
    equity[index] = value;
    sum += value;
    if (index > 0) {
      const change = value / equity[index - 1] - 1;
      count++;
      const delta = change - mean;
      mean += delta / count;
      squares += delta * (change - mean);
      if (change < 0) downSquares += change * change;
    }
    if (value >= peak) { peak = value; peakIndex = index; } else {
      if (peak > 0) maxDrawdown = Math.max(maxDrawdown, (peak - value) / peak);
      longest = Math.max(longest, index - peakIndex);
    }
    if (position !== 0) {
      barsInMarket++;
      if (holds(exit.op, exit.left, exit.right, index)) pending = -1;
    } else if (holds(entry.op, entry.left, entry.right, index)) {
      pending = 1;
      budget = value * weight * 1;
    }
  }
  const finalEquity = equity[bars - 1];
  const totalReturn = finalEquity / initialCash - 1;
  const deviation = count > 1 ? Math.sqrt(squares / (count - 1)) : 0;
  const downside = count > 0 ? Math.sqrt(downSquares / count) : 0;
  const annualizedReturn = bars > 1 ? Math.pow(1 + totalReturn, TRADING_DAYS / (bars - 1)) - 1 : 0;
  return {
    totalReturn, annualizedReturn, annualizedVolatility: deviation * Math.sqrt(TRADING_DAYS),
    sharpe: deviation > 0 ? (mean / deviation) * Math.sqrt(TRADING_DAYS) : 0,
    maxDrawdown, trades, winRate: closed > 0 ? wins / closed : 0, exposure: bars > 0 ? barsInMarket / bars : 0, finalEquity,
    sortino: downside > 0 ? (mean / downside) * Math.sqrt(TRADING_DAYS) : 0,
    calmar: maxDrawdown > 0 ? annualizedReturn / maxDrawdown : 0, maxDrawdownBars: longest,
    profitFactor: grossLoss > 0 ? grossProfit / grossLoss : null, averageTrade: closed > 0 ? (grossProfit - grossLoss) / closed : 0,
    turnover: bars > 0 ? (tradedValue / (sum / bars)) * (TRADING_DAYS / bars) : 0,
  };
}

/** affordableQuantity for percent commission at leverage 1, inlined for the loop. */
function affordable(amount: number, price: number, rate: number): number {
  if (!(amount > 0 && price > 0)) return 0;
  return Math.max(0, Math.floor(amount / (price * (1 + 1 * rate))));
}
