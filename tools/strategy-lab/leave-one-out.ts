import { formatPath, metricValue, MetricNameSchema, type BacktestMetrics, type BacktestResult, type MetricName, type StrategySpec } from '../../core/index.ts';
import { findFusions, type StrategyParams } from '../strategy/index.ts';

/** What removing one fusion component does to a backtest. */
export interface ComponentDelta {
  /** The fusion's path in the spec, e.g. "entry.args[0]". */
  path: string;
  name: string;
  /** Metrics of the spec without this component. */
  without: BacktestMetrics;
  /** without − full for each metric: a negative sharpe delta means the component helped. */
  delta: Partial<Record<MetricName, number>>;
}

/**
 * Leave-one-out contribution of every fusion component: backtest the spec as it is, then once per
 * component with that component removed (fusions of a single component are skipped), and report
 * the metric differences. `backtestSpec` runs a spec variant on the same data and settings.
 *
 * @example leaveOneOut((variant) => runSpecBacktest(series, variant, {}, settings, externals), spec, {})
 */
export function leaveOneOut(backtestSpec: (spec: StrategySpec, params: StrategyParams) => BacktestResult, spec: StrategySpec, params: StrategyParams = {}): { full: BacktestMetrics; components: ComponentDelta[] } {
  const full = backtestSpec(spec, params).metrics;
  const components: ComponentDelta[] = [];
  for (const { node, path } of findFusions({ entry: spec.entry, exit: spec.exit }, [])) {
    if (node.components.length < 2) continue;
    for (const component of node.components) {
      const variant = structuredClone(spec);
      const copy = path.reduce<Record<PropertyKey, unknown>>((value, key) => value[key] as Record<PropertyKey, unknown>, variant as unknown as Record<PropertyKey, unknown>);
      copy.components = node.components.filter((other) => other !== component);
      const without = backtestSpec(variant, params).metrics;
      const delta = Object.fromEntries(MetricNameSchema.options.filter((key) => typeof full[key] === 'number' && typeof without[key] === 'number').map((key) => [key, metricValue(without, key) - metricValue(full, key)]));
      components.push({ path: formatPath(path), name: component.name, without, delta });
    }
  }
  return { full, components };
}
