import { DeskError, type ParameterRange, type StrategySpec } from '../../core/index.ts';
import { compileSpec, type StrategyParams } from '../strategy/index.ts';

/** The values one searched parameter may take: a finite list, or a continuous interval. */
export interface Dimension {
  name: string;
  /** Allowed values in increasing order, or null for a continuous interval [min, max]. */
  values: number[] | null;
  min: number;
  max: number;
  /** Every allowed value is an integer (genetic and random search stay on integers). */
  integer: boolean;
}

/** The searched dimensions and the parameters held fixed. */
export interface ParameterSpace {
  dimensions: Dimension[];
  fixed: StrategyParams;
}

export interface SpaceOptions {
  /** Values to search per parameter; when given, only these parameters vary. Default: every declared parameter over its declared range and step. */
  ranges?: Record<string, ParameterRange>;
  /** Values for parameters that do not vary (others keep their defaults). */
  fixed?: StrategyParams;
  /** Points per continuous parameter (no step) on a grid. Default 5. */
  gridPoints?: number;
}

/**
 * The parameter space of a spec: declared parameters (or the `ranges` given) as dimensions, each
 * checked against the declaration (within [min, max], on its step). A parameter with a step has the
 * values min, min + step, ... max; one without is continuous.
 *
 * @example resolveSpace(getStrategy('sma_crossover'), { ranges: { fast: { min: 5, max: 20, step: 5 } } }).dimensions[0].values // [5, 10, 15, 20]
 */
export function resolveSpace(spec: StrategySpec, options: SpaceOptions = {}): ParameterSpace {
  const declared = Object.keys(spec.parameters);
  const ranges = options.ranges;
  for (const name of [...Object.keys(ranges ?? {}), ...Object.keys(options.fixed ?? {})]) {
    if (!declared.includes(name)) throw new DeskError('invalid_input', `ranges.${name}: unknown parameter of ${spec.name}; declared: ${declared.join(', ') || '(none)'}`, { field: `ranges.${name}` });
  }
  const fixed = { ...options.fixed };
  const searched = declared.filter((name) => (ranges === undefined ? !(name in fixed) : name in ranges));
  const dimensions = searched.map((name) => dimension(spec, name, ranges?.[name]));
  for (const dimension of dimensions) {
    const probes = dimension.values ?? [dimension.min, dimension.max];
    for (const value of probes) check(spec, fixed, dimension.name, value);
  }
  return { dimensions, fixed };
}

function dimension(spec: StrategySpec, name: string, range: ParameterRange | undefined): Dimension {
  const declared = spec.parameters[name];
  if (range !== undefined && 'values' in range) {
    const values = [...new Set(range.values)].sort((left, right) => left - right);
    return { name, values, min: values[0], max: values[values.length - 1], integer: values.every(Number.isInteger) };
  }
  const min = range?.min ?? declared.min;
  const max = range?.max ?? declared.max;
  const step = range?.step ?? declared.step;
  if (step === undefined) return { name, values: null, min, max, integer: false };
  const count = Math.floor((max - min) / step + 1e-9) + 1;
  const values = Array.from({ length: count }, (_, index) => tidy(min + index * step));
  return { name, values, min, max: values[count - 1], integer: values.every(Number.isInteger) };
}

function check(spec: StrategySpec, fixed: StrategyParams, name: string, value: number): void {
  try {
    compileSpec(spec, { ...fixed, [name]: value });
  } catch (error) {
    const issues = (error as DeskError).details?.issues as string[] | undefined;
    throw new DeskError('invalid_input', `ranges.${name}: ${value} is not allowed: ${issues?.join('; ') ?? (error as Error).message}`, { field: `ranges.${name}` }, { cause: error });
  }
}

/** A float rounded to 12 significant digits, so 0.1 + 0.2 steps print as 0.3. */
export function tidy(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

/**
 * Every combination of the dimensions' values (continuous ones at `gridPoints` even points),
 * the last dimension varying fastest. Refuses more than `limit` combinations.
 */
export function gridCandidates(space: ParameterSpace, gridPoints: number, limit: number): StrategyParams[] {
  const lists = space.dimensions.map((entry) => entry.values ?? evenPoints(entry, gridPoints));
  const size = lists.reduce((product, list) => product * list.length, 1);
  if (size > limit) {
    const sizes = space.dimensions.map((entry, index) => `${entry.name}: ${lists[index].length}`).join(', ');
    throw new DeskError('invalid_input', `ranges: the grid has ${size} parameter sets (${sizes}), more than maxEvaluations ${limit}; narrow the ranges, raise the step, or use random or genetic search`, { field: 'ranges', size, limit });
  }
  const candidates: StrategyParams[] = [];
  const index = new Array<number>(lists.length).fill(0);
  for (let count = 0; count < size; count++) {
    const candidate: StrategyParams = { ...space.fixed };
    lists.forEach((list, position) => { candidate[space.dimensions[position].name] = list[index[position]]; });
    candidates.push(candidate);
    for (let position = lists.length - 1; position >= 0; position--) {
      index[position]++;
      if (index[position] < lists[position].length) break;
      index[position] = 0;
    }
  }
  return candidates;
}

function evenPoints(entry: Dimension, points: number): number[] {
  if (points === 1 || entry.min === entry.max) return [entry.min];
  return Array.from({ length: points }, (_, index) => tidy(entry.min + ((entry.max - entry.min) * index) / (points - 1)));
}

/** A uniformly drawn value of a dimension. */
export function sampleValue(entry: Dimension, random: () => number): number {
  if (entry.values !== null) return entry.values[Math.floor(random() * entry.values.length)];
  return tidy(entry.min + random() * (entry.max - entry.min));
}

/**
 * A value moved from `value` by a random amount of about a tenth of the range (at least one step),
 * staying within the dimension.
 */
export function mutateValue(entry: Dimension, value: number, normal: () => number): number {
  if (entry.values !== null) {
    const count = entry.values.length;
    if (count === 1) return entry.values[0];
    const at = nearestIndex(entry.values, value);
    let offset = Math.round(normal() * Math.max(1, count / 10));
    if (offset === 0) offset = normal() < 0 ? -1 : 1;
    return entry.values[Math.min(count - 1, Math.max(0, at + offset))];
  }
  return tidy(Math.min(entry.max, Math.max(entry.min, value + normal() * (entry.max - entry.min) / 10)));
}

function nearestIndex(values: number[], value: number): number {
  let best = 0;
  for (let index = 1; index < values.length; index++) if (Math.abs(values[index] - value) < Math.abs(values[best] - value)) best = index;
  return best;
}
