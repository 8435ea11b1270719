import { DeskError, type BarSeries, type BoolExpr, type IndicatorNode, type NumExpr, type StrategySpec } from '../../core/index.ts';
import { canonicalJson } from './canonical.ts';
import { compileSpec, type CompiledStrategy, type StrategyParams } from './compile.ts';
import { fusedColumn, type NumericEvaluator } from './fusion.ts';
import { computeIndicator, indicatorOutput } from './indicator-node.ts';

/** External series by name, each a value per date (YYYY-MM-DD); dates without a value read as NaN. */
export type ExternalSeries = Record<string, Readonly<Record<string, number>>>;

/** Per bar, 1 where the condition holds at that bar's close. */
export interface StrategySignals {
  entry: Uint8Array;
  exit: Uint8Array;
  /** With side long-short. */
  shortEntry?: Uint8Array;
  shortExit?: Uint8Array;
  /** The rotation's rank per bar, when the spec rotates. */
  rank?: Float64Array;
}

interface Context {
  series: BarSeries;
  externals: ExternalSeries;
  length: number;
  /** Evaluated nodes (and whole indicator results) by canonical key: identical subtrees run once. */
  cache: EvaluationCache;
}

/**
 * Evaluate a spec's entry and exit conditions over a series. Each node costs O(bars); identical
 * subtrees (after binding parameters) are computed once, and so are the outputs of one
 * indicator call (a MACD line and its signal). Comparisons with NaN (warm-up) are false; a
 * cross at bar t needs both operands finite at t−1 and t.
 *
 * @example
 * const { entry, exit } = evaluateSignals(getStrategy('sma_crossover'), series, { fast: 10, slow: 30 });
 */
export function evaluateSignals(spec: StrategySpec, series: BarSeries, params: StrategyParams = {}, externals: ExternalSeries = {}): StrategySignals {
  return evaluateCompiled(compileSpec(spec, params), series, externals);
}

/**
 * evaluateSignals for a spec already bound to its parameters (saves a second compile when the
 * caller needs the bound params too).
 *
 * @example evaluateCompiled(compileSpec(spec, { fast: 5 }), series).entry
 */
export function evaluateCompiled(compiled: CompiledStrategy, series: BarSeries, externals: ExternalSeries = {}): StrategySignals {
  const context: Context = { series, externals, length: series.dates.length, cache: new Map() };
  const signals: StrategySignals = { entry: evaluateBoolean(compiled.entry, context), exit: evaluateBoolean(compiled.exit, context) };
  if (compiled.shortEntry !== undefined) signals.shortEntry = evaluateBoolean(compiled.shortEntry, context);
  if (compiled.shortExit !== undefined) signals.shortExit = evaluateBoolean(compiled.shortExit, context);
  if (compiled.rotation !== undefined) signals.rank = evaluateNumeric(compiled.rotation.rank, context);
  return signals;
}

/** Evaluated nodes by canonical key; pass one to several calls on the same series to share work. */
export type EvaluationCache = Map<string, Float64Array | Record<string, Float64Array>>;

/**
 * One bound numeric expression over a series, memoized in `cache` (share it between calls on
 * the same series and externals, e.g. across a parameter grid, so each distinct indicator runs once).
 *
 * @example evaluateNumericExpression({ indicator: 'sma', period: 10 }, series, {}, cache)
 */
export function evaluateNumericExpression(expression: NumExpr, series: BarSeries, externals: ExternalSeries = {}, cache: EvaluationCache = new Map()): Float64Array {
  return evaluateNumeric(expression, { series, externals, length: series.dates.length, cache });
}

/**
 * One bound true/false expression over a series (1 where it holds), sharing `cache` like evaluateNumericExpression.
 * @example evaluateConditionExpression(compiled.entry, series, {}, cache)
 */
export function evaluateConditionExpression(expression: BoolExpr, series: BarSeries, externals: ExternalSeries = {}, cache: EvaluationCache = new Map()): Uint8Array {
  return evaluateBoolean(expression, { series, externals, length: series.dates.length, cache });
}

/**
 * A memoizing evaluator of (bound) numeric expressions over one series, for callers that need
 * intermediate series, such as the parts of a fusion.
 *
 * @example numericEvaluator(series)({ indicator: 'sma', input: { price: 'close' }, period: 5 })
 */
export function numericEvaluator(series: BarSeries, externals: ExternalSeries = {}): NumericEvaluator {
  const context: Context = { series, externals, length: series.dates.length, cache: new Map() };
  return (expression) => evaluateNumeric(expression, context);
}

function evaluateBoolean(expression: BoolExpr, context: Context): Uint8Array {
  const result = new Uint8Array(context.length);
  if (expression.op === 'and' || expression.op === 'or' || expression.op === 'not') {
    const parts = expression.args.map((part) => evaluateBoolean(part, context));
    for (let index = 0; index < result.length; index++) {
      if (expression.op === 'not') result[index] = parts[0][index] ? 0 : 1;
      else if (expression.op === 'and') result[index] = parts.every((part) => part[index] === 1) ? 1 : 0;
      else result[index] = parts.some((part) => part[index] === 1) ? 1 : 0;
    }
    return result;
  }
  // TypeScript does not narrow through the multi-literal 'and' | 'or' member, hence the Extract.
  const comparison = expression as Extract<BoolExpr, { args: [NumExpr, NumExpr] }>;
  compare(comparison.op, evaluateNumeric(comparison.args[0], context), evaluateNumeric(comparison.args[1], context), result);
  return result;
}

function compare(op: Extract<BoolExpr, { args: [NumExpr, NumExpr] }>['op'], left: Float64Array, right: Float64Array, result: Uint8Array): void {
  // One loop per operator: the operator is fixed for the whole series, so it is chosen once.
  const count = result.length;
  if (op === 'gt') for (let index = 0; index < count; index++) result[index] = left[index] > right[index] ? 1 : 0;
  else if (op === 'lt') for (let index = 0; index < count; index++) result[index] = left[index] < right[index] ? 1 : 0;
  else if (op === 'gte') for (let index = 0; index < count; index++) result[index] = left[index] >= right[index] ? 1 : 0;
  else if (op === 'lte') for (let index = 0; index < count; index++) result[index] = left[index] <= right[index] ? 1 : 0;
  // NaN makes every comparison false, so a cross needs finite values on both bars.
  else if (op === 'crossAbove') for (let index = 1; index < count; index++) result[index] = left[index - 1] <= right[index - 1] && left[index] > right[index] ? 1 : 0;
  else for (let index = 1; index < count; index++) result[index] = left[index - 1] > right[index - 1] && left[index] <= right[index] ? 1 : 0;
}

function evaluateNumeric(expression: NumExpr, context: Context): Float64Array {
  if (typeof expression === 'object' && 'price' in expression) return context.series[expression.price];
  const key = canonicalJson(expression);
  const cached = context.cache.get(key);
  if (cached instanceof Float64Array) return cached;
  const value = computeNumeric(expression, context);
  context.cache.set(key, value);
  return value;
}

function computeNumeric(expression: NumExpr, context: Context): Float64Array {
  if (typeof expression === 'number') return new Float64Array(context.length).fill(expression);
  if ('price' in expression) return context.series[expression.price];
  if ('param' in expression) throw new DeskError('invalid_input', `parameter '${expression.param}' was not bound; compile the spec first`);
  if ('external' in expression) return externalColumn(expression.external, context);
  if ('lag' in expression) return lagged(evaluateNumeric(expression.lag, context), expression.bars as number);
  if ('indicator' in expression) return indicatorColumn(expression, context);
  if ('fuse' in expression) return fusedColumn(expression, (input) => evaluateNumeric(input, context));
  const left = evaluateNumeric(expression.args[0], context);
  const right = evaluateNumeric(expression.args[1], context);
  const result = new Float64Array(context.length);
  for (let index = 0; index < result.length; index++) {
    const a = left[index];
    const b = right[index];
    if (expression.op === 'add') result[index] = a + b;
    else if (expression.op === 'sub') result[index] = a - b;
    else if (expression.op === 'mul') result[index] = a * b;
    else result[index] = b === 0 ? Number.NaN : a / b; // no signal from a division by zero
  }
  return result;
}

function lagged(values: Float64Array, bars: number): Float64Array {
  const result = new Float64Array(values.length).fill(Number.NaN);
  for (let index = bars; index < values.length; index++) result[index] = values[index - bars];
  return result;
}

function externalColumn(name: string, context: Context): Float64Array {
  const values = context.externals[name];
  if (values === undefined) {
    const supplied = Object.keys(context.externals);
    throw new DeskError('invalid_input', `external series '${name}' was not supplied (supplied: ${supplied.join(', ') || 'none'})`, { external: name });
  }
  return Float64Array.from(context.series.dates, (date) => values[date] ?? Number.NaN);
}

function indicatorColumn(node: IndicatorNode, context: Context): Float64Array {
  const key = canonicalJson({ ...node, output: undefined });
  let outputs = context.cache.get(key);
  if (outputs === undefined || outputs instanceof Float64Array) {
    outputs = computeIndicator(node, (input) => evaluateNumeric(input, context));
    context.cache.set(key, outputs);
  }
  return outputs[indicatorOutput(node)];
}
