import { formatPath, type BarSeries, type FusionNode, type StrategySpec } from '../../core/index.ts';
import { compileSpec, type StrategyParams } from './compile.ts';
import { evaluateCompiled, numericEvaluator, type ExternalSeries } from './evaluate.ts';
import { fusionParts } from './fusion.ts';

/** How much each component of one fusion drove the entries. */
export interface FusionContribution {
  /** Where the fusion sits in the spec, e.g. "entry.args[0]". */
  path: string;
  method: FusionNode['fuse'];
  /** Entry bars with a finite fused score. */
  entryBars: number;
  components: Array<{
    name: string;
    weight: number;
    /** Σ |part| over entry bars / Σ over all components: the component's share of the fused score (0..1). */
    share: number;
    /** Mean signed part on entry bars. */
    meanContribution: number;
  }>;
}

/**
 * Each fusion node of a spec with its components' contributions on the bars where the entry fires:
 * the share of the absolute fused score each component supplies, and its mean signed part.
 *
 * @example fusionContributions(spec, series, {}, { sentiment })[0].components.map((component) => component.share)
 */
export function fusionContributions(spec: StrategySpec, series: BarSeries, params: StrategyParams = {}, externals: ExternalSeries = {}): FusionContribution[] {
  const compiled = compileSpec(spec, params);
  const { entry } = evaluateCompiled(compiled, series, externals);
  const evaluate = numericEvaluator(series, externals);
  return findFusions({ entry: compiled.entry, exit: compiled.exit }, []).map(({ node, path }) => {
    const { names, weights, parts } = fusionParts(node, evaluate);
    const totals = names.map(() => ({ absolute: 0, signed: 0 }));
    let entryBars = 0;
    for (let index = 0; index < entry.length; index++) {
      if (entry[index] !== 1 || parts.some((part) => !Number.isFinite(part[index]))) continue;
      entryBars++;
      parts.forEach((part, component) => {
        totals[component].absolute += Math.abs(part[index]);
        totals[component].signed += part[index];
      });
    }
    const all = totals.reduce((sum, total) => sum + total.absolute, 0);
    return {
      path: formatPath(path), method: node.fuse, entryBars,
      components: names.map((name, component) => ({
        name, weight: weights[component],
        share: all > 0 ? totals[component].absolute / all : 0,
        meanContribution: entryBars > 0 ? totals[component].signed / entryBars : 0,
      })),
    };
  });
}

/**
 * Every fusion node in a tree, outermost first, with its path.
 * @example findFusions({ entry: spec.entry, exit: spec.exit }, []).map((found) => found.path)
 */
export function findFusions(value: unknown, path: PropertyKey[]): Array<{ node: FusionNode; path: PropertyKey[] }> {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((member, index) => findFusions(member, [...path, index]));
  const record = value as Record<string, unknown>;
  const own = 'fuse' in record ? [{ node: record as unknown as FusionNode, path }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, member]) => findFusions(member, [...path, key]))];
}
