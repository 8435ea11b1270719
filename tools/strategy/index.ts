export { canonicalJson, specHash } from './canonical.ts';
export { parseStrategySpec } from './parse.ts';
export { compileSpec, type CompiledStrategy, type StrategyParams } from './compile.ts';
export { evaluateCompiled, evaluateSignals, type ExternalSeries, type StrategySignals } from './evaluate.ts';
export { evaluateConditionExpression, evaluateNumericExpression, type EvaluationCache } from './evaluate.ts';
export { getStrategy, listStrategies } from './library/index.ts';
export { DEFAULT_RANK_LOOKBACK, fusedColumn, fusionParts, type FusionParts, type NumericEvaluator } from './fusion.ts';
export { findFusions, fusionContributions, type FusionContribution } from './contributions.ts';
export { numericEvaluator } from './evaluate.ts';
