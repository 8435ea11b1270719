import { z } from 'zod';
import { SymbolSchema } from './common.ts';

/*
 * Strategy specs: a strategy is data (versioned JSON) that the deterministic engine evaluates,
 * never generated code. Expressions form a tree. Numeric nodes yield one value per bar, boolean
 * nodes yield true/false per bar; entry and exit are boolean.
 *
 * The tree is recursive, which TypeScript cannot infer from a zod const, so the node types are
 * written out once here and the schemas are checked against them. Each position dispatches on
 * the node's distinguishing key (`price`, `param`, `op`, `indicator`, ...) before parsing, so an
 * error names the branch the author meant ("entry.args[1].period: must be an integer >= 1")
 * instead of zod's "no union member matched".
 */

export const PRICE_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;
export const ARITHMETIC_OPS = ['add', 'sub', 'mul', 'div'] as const;
export const COMPARISON_OPS = ['gt', 'lt', 'gte', 'lte', 'crossAbove', 'crossBelow'] as const;
export const LOGIC_OPS = ['and', 'or', 'not'] as const;

export type PriceField = (typeof PRICE_FIELDS)[number];
/** A parameter by name; its value comes from the run's params (or the declared default). */
export type ParamRef = { param: string };
/** A whole number of bars, literally or from a parameter. */
export type Count = number | ParamRef;

export type SeriesIndicator = { indicator: 'sma' | 'ema' | 'wma' | 'rsi' | 'roc' | 'rollingMin' | 'rollingMax'; input?: NumExpr; period: Count };
export type StdIndicator = { indicator: 'rollingStd' | 'rollingZScore'; input?: NumExpr; period: Count; sample?: boolean };
export type MacdIndicator = { indicator: 'macd'; input?: NumExpr; fast?: Count; slow?: Count; signal?: Count; output?: 'macd' | 'signal' | 'histogram' };
export type BollingerIndicator = { indicator: 'bollinger'; input?: NumExpr; period?: Count; k?: number | ParamRef; output?: 'middle' | 'upper' | 'lower' };
export type BarsIndicator = { indicator: 'atr' | 'cci'; high?: NumExpr; low?: NumExpr; close?: NumExpr; period: Count };
export type StochasticIndicator = { indicator: 'stochastic'; high?: NumExpr; low?: NumExpr; close?: NumExpr; kPeriod?: Count; slowKPeriod?: Count; dPeriod?: Count; output?: 'fastK' | 'slowK' | 'd' };
export type AdxIndicator = { indicator: 'adx'; high?: NumExpr; low?: NumExpr; close?: NumExpr; period: Count; output?: 'adx' | 'plusDi' | 'minusDi' };
export type ObvIndicator = { indicator: 'obv'; close?: NumExpr; volume?: NumExpr };
export type VwapIndicator = { indicator: 'vwap'; high?: NumExpr; low?: NumExpr; close?: NumExpr; volume?: NumExpr };
/** Any indicator of tools/indicators; omitted inputs default to the matching price field. */
export type IndicatorNode = SeriesIndicator | StdIndicator | MacdIndicator | BollingerIndicator | BarsIndicator | StochasticIndicator | AdxIndicator | ObvIndicator | VwapIndicator;

/** A numeric series: a constant, a price field, a parameter, an external series, a lagged value, arithmetic or an indicator. */
export type NumExpr =
  | number
  | { price: PriceField }
  | ParamRef
  | { external: string }
  | { lag: NumExpr; bars: Count }
  | { op: (typeof ARITHMETIC_OPS)[number]; args: [NumExpr, NumExpr] }
  | IndicatorNode
  | FusionNode;

export const FUSION_METHODS = ['weights', 'ranks', 'votes'] as const;
/** One signal of a fusion, named so its contribution can be reported; weight defaults to 1. */
export type FusionComponent = { name: string; input: NumExpr; weight?: number | ParamRef };
/**
 * Several signals fused into one score: `weights` sums weight × signal; `ranks` sums weight ×
 * (rolling percentile rank of the signal over `lookback` bars, scaled to [-1, 1]) divided by the sum
 * of |weights|; `votes` does the same with the sign of each signal (+1, 0, -1).
 */
export type FusionNode = { fuse: (typeof FUSION_METHODS)[number]; components: FusionComponent[]; lookback?: Count };

/** A true/false series: comparisons and crosses of numeric series, combined with and/or/not. */
export type BoolExpr =
  | { op: (typeof COMPARISON_OPS)[number]; args: [NumExpr, NumExpr] }
  | { op: 'and' | 'or'; args: BoolExpr[] }
  | { op: 'not'; args: [BoolExpr] };

const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NameSchema = z.string().regex(NAME_PATTERN, 'must be a name of letters, digits and _ (not starting with a digit)');
const INTEGER_MESSAGE = 'must be an integer >= 1';

/** A strict object whose unknown-key error lists the keys that are allowed. */
function node<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((key) => `'${key}'`).join(', ')}; allowed: ${allowed}` : undefined),
  });
}

/** A schema that picks the schema to apply from the value itself (or reports what is allowed). */
function dispatched<T>(pick: (value: unknown) => z.ZodType | string): z.ZodType<T> {
  return z.custom<T>().superRefine((value, context) => {
    const chosen = pick(value);
    if (typeof chosen === 'string') {
      context.addIssue({ code: 'custom', message: chosen });
      return;
    }
    const result = chosen.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const ParamRefSchema = node({ param: NameSchema });

/** An integer >= 1 or { param }. */
export const CountSchema: z.ZodType<Count> = dispatched<Count>((value) => {
  if (typeof value === 'number') return z.number().int(INTEGER_MESSAGE).min(1, INTEGER_MESSAGE);
  if (isRecord(value) && 'param' in value) return ParamRefSchema;
  return `${INTEGER_MESSAGE} or { "param": name }`;
});

const PositiveNumberSchema = dispatched<number | ParamRef>((value) => {
  if (typeof value === 'number') return z.number().positive('must be a number > 0');
  if (isRecord(value) && 'param' in value) return ParamRefSchema;
  return 'must be a number > 0 or { "param": name }';
});

const num = z.lazy(() => NumExprSchema);
const boolean = z.lazy(() => BoolExprSchema);
const bars = { high: num.optional(), low: num.optional(), close: num.optional() };

const seriesIndicator = (name: string) => node({ indicator: z.literal(name), input: num.optional(), period: CountSchema });
const stdIndicator = (name: string) => node({ indicator: z.literal(name), input: num.optional(), period: CountSchema, sample: z.boolean().optional() });
const INDICATOR_SCHEMAS: Record<IndicatorNode['indicator'], z.ZodType> = {
  sma: seriesIndicator('sma'), ema: seriesIndicator('ema'), wma: seriesIndicator('wma'), rsi: seriesIndicator('rsi'), roc: seriesIndicator('roc'),
  rollingMin: seriesIndicator('rollingMin'), rollingMax: seriesIndicator('rollingMax'),
  rollingStd: stdIndicator('rollingStd'), rollingZScore: stdIndicator('rollingZScore'),
  macd: node({ indicator: z.literal('macd'), input: num.optional(), fast: CountSchema.optional(), slow: CountSchema.optional(), signal: CountSchema.optional(), output: z.enum(['macd', 'signal', 'histogram']).optional() }),
  bollinger: node({ indicator: z.literal('bollinger'), input: num.optional(), period: CountSchema.optional(), k: PositiveNumberSchema.optional(), output: z.enum(['middle', 'upper', 'lower']).optional() }),
  atr: node({ indicator: z.literal('atr'), ...bars, period: CountSchema }),
  cci: node({ indicator: z.literal('cci'), ...bars, period: CountSchema }),
  stochastic: node({ indicator: z.literal('stochastic'), ...bars, kPeriod: CountSchema.optional(), slowKPeriod: CountSchema.optional(), dPeriod: CountSchema.optional(), output: z.enum(['fastK', 'slowK', 'd']).optional() }),
  adx: node({ indicator: z.literal('adx'), ...bars, period: CountSchema, output: z.enum(['adx', 'plusDi', 'minusDi']).optional() }),
  obv: node({ indicator: z.literal('obv'), close: num.optional(), volume: num.optional() }),
  vwap: node({ indicator: z.literal('vwap'), ...bars, volume: num.optional() }),
};
export const INDICATOR_NAMES = Object.keys(INDICATOR_SCHEMAS) as IndicatorNode['indicator'][];

const NUMERIC_FORMS = 'a number, { "price": field }, { "param": name }, { "external": name }, { "lag": expr, "bars": n }, { "op": add|sub|mul|div, "args": [a, b] }, { "indicator": name, ... } or { "fuse": weights|ranks|votes, "components": [{ "name", "input", "weight"? }], "lookback"? }';
const WeightSchema = dispatched<number | ParamRef>((value) => {
  if (typeof value === 'number') return z.number().refine(Number.isFinite, 'must be a finite number');
  if (isRecord(value) && 'param' in value) return ParamRefSchema;
  return 'must be a number or { "param": name }';
});
const FusionSchema = node({
  fuse: z.enum(FUSION_METHODS, { error: `must be one of ${FUSION_METHODS.join(', ')}` }),
  components: z.array(node({ name: NameSchema, input: num, weight: WeightSchema.optional() }), { error: 'must be a list of { "name", "input", "weight"? }' })
    .min(1, 'must list at least 1 component')
    .refine((components) => new Set(components.map((component) => component.name)).size === components.length, 'component names must be unique'),
  lookback: CountSchema.optional(),
});
const BOOLEAN_FORMS = `{ "op": ${[...COMPARISON_OPS, ...LOGIC_OPS].join('|')}, "args": [...] }`;
const oneOf = (kind: string, name: unknown, allowed: readonly string[]) => `unknown ${kind} ${JSON.stringify(name)}; allowed: ${allowed.join(', ')}`;

function pickNumeric(value: unknown): z.ZodType | string {
  if (typeof value === 'number') return z.number().refine(Number.isFinite, 'must be a finite number');
  if (!isRecord(value)) return `expected a numeric expression: ${NUMERIC_FORMS}`;
  if ('price' in value) return node({ price: z.enum(PRICE_FIELDS, { error: `must be one of ${PRICE_FIELDS.join(', ')}` }) });
  if ('param' in value) return ParamRefSchema;
  if ('external' in value) return node({ external: NameSchema });
  if ('lag' in value) return node({ lag: num, bars: CountSchema });
  if ('fuse' in value) return FusionSchema;
  if ('indicator' in value) return INDICATOR_SCHEMAS[value.indicator as IndicatorNode['indicator']] ?? keyIssue('indicator', oneOf('indicator', value.indicator, INDICATOR_NAMES));
  if ('op' in value) {
    if ((ARITHMETIC_OPS as readonly unknown[]).includes(value.op)) return node({ op: z.enum(ARITHMETIC_OPS), args: z.tuple([num, num], { error: 'must be [a, b]' }) });
    const isBoolean = ([...COMPARISON_OPS, ...LOGIC_OPS] as readonly unknown[]).includes(value.op);
    return keyIssue('op', isBoolean ? `'${String(value.op)}' gives true/false but a number is needed here; allowed: ${ARITHMETIC_OPS.join(', ')}` : oneOf('op', value.op, ARITHMETIC_OPS));
  }
  return `expected a numeric expression: ${NUMERIC_FORMS}`;
}

function pickBoolean(value: unknown): z.ZodType | string {
  if (!isRecord(value) || !('op' in value)) return `expected a true/false expression: ${BOOLEAN_FORMS}`;
  if ((COMPARISON_OPS as readonly unknown[]).includes(value.op)) return node({ op: z.enum(COMPARISON_OPS), args: z.tuple([num, num], { error: 'must be [a, b]' }) });
  if (value.op === 'not') return node({ op: z.literal('not'), args: z.tuple([boolean], { error: 'must be [condition]' }) });
  if (value.op === 'and' || value.op === 'or') return node({ op: z.enum(['and', 'or']), args: z.array(boolean).min(2, 'must list at least 2 conditions') });
  return keyIssue('op', oneOf('op', value.op, [...COMPARISON_OPS, ...LOGIC_OPS]));
}

/** A schema that always fails with `message` at `key` (so the path points at the bad key). */
function keyIssue(key: string, message: string): z.ZodType {
  return z.unknown().superRefine((_value, context) => context.addIssue({ code: 'custom', message, path: [key] }));
}

export const NumExprSchema: z.ZodType<NumExpr> = dispatched<NumExpr>(pickNumeric);
export const BoolExprSchema: z.ZodType<BoolExpr> = dispatched<BoolExpr>(pickBoolean);

/** A tunable parameter: default within [min, max]; `step` is the grid an optimizer walks. */
export const StrategyParameterSchema = node({
  default: z.number().refine(Number.isFinite, 'must be a finite number'),
  min: z.number().refine(Number.isFinite, 'must be a finite number'),
  max: z.number().refine(Number.isFinite, 'must be a finite number'),
  step: z.number().positive('must be a number > 0').optional(),
})
  .refine((parameter) => parameter.min <= parameter.max, { message: 'min must be <= max', path: ['min'] })
  .refine((parameter) => parameter.default >= parameter.min && parameter.default <= parameter.max, { message: 'default must lie within [min, max]', path: ['default'] });
export type StrategyParameter = z.infer<typeof StrategyParameterSchema>;

const PERCENT_MESSAGE = 'must be a fraction in (0, 1]';
const SizingSchema = z.discriminatedUnion('kind', [
  node({ kind: z.literal('all-in') }),
  node({ kind: z.literal('fixed-shares'), shares: z.number({ error: INTEGER_MESSAGE }).int(INTEGER_MESSAGE).min(1, INTEGER_MESSAGE) }),
  node({ kind: z.literal('percent-equity'), percent: z.number({ error: PERCENT_MESSAGE }).gt(0, PERCENT_MESSAGE).max(1, PERCENT_MESSAGE) }),
  /** Weight = target annual volatility / realized (std of daily returns over lookback × √252), at most cap. */
  node({ kind: z.literal('volatility-target'), target: z.number().gt(0, 'must be an annual fraction > 0 (0.15 = 15%)').max(2, 'must be at most 2'), lookback: z.number().int(INTEGER_MESSAGE).min(2, 'must be an integer >= 2'), cap: z.number().gt(0, 'must be > 0').max(10, 'must be at most 10').optional() }),
  /** Weight = fraction × mean / variance of daily returns over lookback (the Kelly bet), clamped to [0, cap]. */
  node({ kind: z.literal('kelly'), fraction: z.number({ error: PERCENT_MESSAGE }).gt(0, PERCENT_MESSAGE).max(1, PERCENT_MESSAGE), lookback: z.number().int(INTEGER_MESSAGE).min(2, 'must be an integer >= 2'), cap: z.number().gt(0, 'must be > 0').max(10, 'must be at most 10') }),
], { error: 'must be one of all-in, fixed-shares (with shares), percent-equity (with percent), volatility-target (with target, lookback), kelly (with fraction, lookback, cap)' });
export type StrategySizing = z.infer<typeof SizingSchema>;

const fraction = z.number().gt(0, 'must be a fraction > 0 (0.05 = 5%)').lt(1, 'must be a fraction < 1 (0.05 = 5%)');
const StopsSchema = node({ stopLoss: fraction.optional(), takeProfit: z.number().positive('must be a fraction > 0 (0.1 = 10%)').optional(), trailing: fraction.optional() });
export type StrategyStops = z.infer<typeof StopsSchema>;

/** How an entry is ordered: market (default), or a limit/stop `offset` (fraction) away from the signal close; day or GTC. */
const EntryOrderSchema = node({
  type: z.enum(['market', 'limit', 'stop'], { error: 'must be market, limit or stop' }),
  offset: z.number().min(0, 'must be a fraction >= 0').lt(1, 'must be a fraction < 1').optional(),
  timeInForce: z.enum(['day', 'gtc'], { error: 'must be day or gtc' }).optional(),
});
export type StrategyEntryOrder = z.infer<typeof EntryOrderSchema>;

/** Multi-symbol rotation: at the first bar of each period hold the `top` symbols by `rank` among those whose entry holds. */
const RotationSchema = node({
  rank: NumExprSchema,
  top: CountSchema,
  rebalance: z.enum(['daily', 'weekly', 'monthly'], { error: 'must be daily, weekly or monthly' }),
});
export type StrategyRotation = { rank: NumExpr; top: Count; rebalance: 'daily' | 'weekly' | 'monthly' };

/** Two-leg spread trading: signals are evaluated on the spread A − hedgeRatio × B (fixed, a parameter, or rolling OLS over n bars). */
const PairsSchema = node({
  hedgeRatio: dispatched<number | ParamRef | { rolling: Count }>((value) => {
    if (typeof value === 'number') return z.number().refine(Number.isFinite, 'must be a finite number');
    if (isRecord(value) && 'param' in value) return ParamRefSchema;
    if (isRecord(value) && 'rolling' in value) return node({ rolling: CountSchema });
    return 'must be a number, { "param": name } or { "rolling": bars } (OLS beta of A on B over that many bars)';
  }),
});
export type StrategyPairs = { hedgeRatio: number | ParamRef | { rolling: Count } };

/** A whole strategy, version 1. */
export const StrategySpecSchema = node({
  version: z.literal(1, { error: 'must be 1 (the only spec version)' }),
  name: NameSchema,
  description: z.string().min(1, 'must not be empty'),
  parameters: z.record(NameSchema, StrategyParameterSchema, {
    error: (issue) => (issue.code === 'invalid_key' ? 'parameter names are letters, digits and _ (not starting with a digit)' : undefined),
  }),
  /** Symbols the strategy is meant for; empty means any. */
  universe: z.array(SymbolSchema),
  entry: BoolExprSchema,
  exit: BoolExprSchema,
  side: z.enum(['long', 'short', 'long-short'], { error: 'must be long, short or long-short' }),
  sizing: SizingSchema,
  stops: StopsSchema.optional(),
  /** With side long-short: when to go short and when to cover (entry/exit are then the long rules). */
  shortEntry: BoolExprSchema.optional(),
  shortExit: BoolExprSchema.optional(),
  entryOrder: EntryOrderSchema.optional(),
  rotation: RotationSchema.optional(),
  pairs: PairsSchema.optional(),
});
export type StrategySpec = z.infer<typeof StrategySpecSchema>;

/**
 * One line per zod issue with the path written as in JavaScript: "entry.args[1].period: must
 * be an integer >= 1". The root is "(spec)".
 *
 * @example formatSpecIssues(StrategySpecSchema.safeParse(value).error!) // ['side: must be long or short']
 */
export function formatSpecIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
}

/** ['entry', 'args', 1, 'period'] → "entry.args[1].period". */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(spec)';
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}
