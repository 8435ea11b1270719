import type { FusionNode, NumExpr } from '../../core/index.ts';

/** Evaluates a numeric expression over the series (memoized by the caller). */
export type NumericEvaluator = (expression: NumExpr) => Float64Array;

/** Default `lookback` of a `ranks` fusion, in bars. */
export const DEFAULT_RANK_LOOKBACK = 20;

/** Each component's share of the fused score per bar: the parts add up to the fused value. */
export interface FusionParts {
  names: string[];
  weights: number[];
  parts: Float64Array[];
}

/**
 * The parts of a (bound) fusion node: for `weights`, weight × signal; for `ranks`, weight × rank
 * score / Σ|weight| where the rank score is 2 × (share of the last `lookback` values at or below
 * the current one, itself excluded, over lookback − 1) − 1, in [-1, 1]; for `votes`, weight ×
 * sign(signal) / Σ|weight|. NaN (warm-up, missing external data) propagates.
 *
 * @example fusionParts({ fuse: 'votes', components: [{ name: 'trend', input: trend }, { name: 'news', input: news }] }, evaluate).parts
 */
export function fusionParts(node: FusionNode, evaluate: NumericEvaluator): FusionParts {
  const weights = node.components.map((component) => (component.weight ?? 1) as number);
  const scale = node.fuse === 'weights' ? 1 : weights.reduce((sum, weight) => sum + Math.abs(weight), 0);
  const parts = node.components.map((component, index) => {
    const signal = evaluate(component.input);
    const score = node.fuse === 'weights' ? signal : node.fuse === 'votes' ? signs(signal) : rankScores(signal, (node.lookback ?? DEFAULT_RANK_LOOKBACK) as number);
    const factor = scale === 0 ? Number.NaN : weights[index] / scale;
    return score.map((value) => factor * value);
  });
  return { names: node.components.map((component) => component.name), weights, parts };
}

/**
 * The fused score of a (bound) fusion node: the sum of its parts.
 * @example fusedColumn({ fuse: 'weights', components: [{ name: 'a', input: 1, weight: 2 }] }, evaluate) // every bar 2
 */
export function fusedColumn(node: FusionNode, evaluate: NumericEvaluator): Float64Array {
  const { parts } = fusionParts(node, evaluate);
  const result = new Float64Array(parts[0].length);
  for (const part of parts) for (let index = 0; index < result.length; index++) result[index] += part[index];
  return result;
}

function signs(values: Float64Array): Float64Array {
  return values.map((value) => (Number.isNaN(value) ? Number.NaN : Math.sign(value)));
}

/** 2 × (count of the previous lookback − 1 values <= the current one) / (lookback − 1) − 1; NaN until a full window of finite values. */
function rankScores(values: Float64Array, lookback: number): Float64Array {
  const result = new Float64Array(values.length).fill(Number.NaN);
  if (lookback < 2) return result.fill(0);
  for (let index = lookback - 1; index < values.length; index++) {
    const current = values[index];
    let atOrBelow = 0;
    let finite = Number.isFinite(current);
    for (let back = index - lookback + 1; back < index && finite; back++) {
      if (!Number.isFinite(values[back])) finite = false;
      else if (values[back] <= current) atOrBelow++;
    }
    if (finite) result[index] = (2 * atOrBelow) / (lookback - 1) - 1;
  }
  return result;
}
