import { DeskError, formatPath, type BoolExpr, type NumExpr, type StrategySpec } from '../../core/index.ts';
import { specHash } from './canonical.ts';

/** Parameter values by name. */
export type StrategyParams = Record<string, number>;

/** A spec bound to parameter values: every `{ "param": name }` replaced by its number. */
export interface CompiledStrategy {
  spec: StrategySpec;
  /** Every declared parameter, with defaults filled in. */
  params: StrategyParams;
  entry: BoolExpr;
  exit: BoolExpr;
  /** specHash(spec). */
  hash: string;
  /** Bound short rules (side long-short), rotation and pairs settings, when the spec has them. */
  shortEntry?: BoolExpr;
  shortExit?: BoolExpr;
  rotation?: { rank: NumExpr; top: number; rebalance: 'daily' | 'weekly' | 'monthly' };
  pairs?: { hedgeRatio: number | { rolling: number } };
}

/** Keys whose value counts bars, so a parameter used there must be a whole number >= 1. */
const COUNT_KEYS = new Set(['period', 'bars', 'fast', 'slow', 'signal', 'kPeriod', 'slowKPeriod', 'dPeriod', 'lookback', 'top', 'rolling']);

/**
 * Bind a (validated) spec to parameter values. Missing parameters take their declared default;
 * unknown names, non-finite values, values outside [min, max] or off the `step` grid, and
 * fractional values used as bar counts throw DeskError('invalid_input') listing every problem.
 *
 * @example compileSpec(getStrategy('sma_crossover'), { fast: 5 }).params // { fast: 5, slow: 30 }
 */
export function compileSpec(spec: StrategySpec, params: StrategyParams = {}): CompiledStrategy {
  const issues: string[] = [];
  const declared = Object.keys(spec.parameters);
  for (const name of Object.keys(params)) {
    if (!(name in spec.parameters)) issues.push(`params.${name}: unknown parameter; declared: ${declared.join(', ') || '(none)'}`);
  }
  const values: StrategyParams = {};
  for (const [name, parameter] of Object.entries(spec.parameters)) {
    const value = params[name] ?? parameter.default;
    values[name] = value;
    const problem = rangeProblem(value, parameter);
    if (problem !== undefined) issues.push(`params.${name}: ${problem} (got ${value})`);
  }
  const entry = issues.length === 0 ? (bindParams(spec.entry, values, ['entry'], issues) as BoolExpr) : spec.entry;
  const exit = issues.length === 0 ? (bindParams(spec.exit, values, ['exit'], issues) as BoolExpr) : spec.exit;
  const optional: Partial<CompiledStrategy> = {};
  for (const key of ['shortEntry', 'shortExit', 'rotation', 'pairs'] as const) {
    if (spec[key] !== undefined && issues.length === 0) (optional as Record<string, unknown>)[key] = bindParams(spec[key], values, [key], issues);
  }
  if (issues.length > 0) throw new DeskError('invalid_input', `invalid parameters for ${spec.name}:\n${issues.join('\n')}`, { issues });
  return { spec, params: values, entry, exit, hash: specHash(spec), ...optional };
}

function rangeProblem(value: number, parameter: StrategySpec['parameters'][string]): string | undefined {
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (value < parameter.min || value > parameter.max) return `must lie within [${parameter.min}, ${parameter.max}]`;
  if (parameter.step !== undefined) {
    const steps = (value - parameter.min) / parameter.step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) return `must be ${parameter.min} plus a multiple of ${parameter.step}`;
  }
  return undefined;
}

/** Copy of `value` with parameter references replaced by numbers; records bad bar counts in `issues`. */
function bindParams(value: unknown, params: StrategyParams, path: PropertyKey[], issues: string[]): unknown {
  if (Array.isArray(value)) return value.map((member, index) => bindParams(member, params, [...path, index], issues));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.param === 'string') {
    const bound = params[record.param];
    const key = path[path.length - 1];
    if (typeof key === 'string' && COUNT_KEYS.has(key) && !(Number.isInteger(bound) && bound >= 1)) {
      issues.push(`${formatPath(path)}: parameter '${record.param}' = ${bound} is used as a bar count, which must be an integer >= 1`);
    }
    return bound;
  }
  return Object.fromEntries(Object.entries(record).map(([key, member]) => [key, bindParams(member, params, [...path, key], issues)]));
}
