export { restrict, sliceSeries, specBacktester, type Backtester, type BarRange, type Evaluate } from './evaluator.ts';
export { runSteps, runStepsAsync, type Progress, type Steps } from './steps.ts';
export { resolveSpace, type Dimension, type ParameterSpace, type SpaceOptions } from './space.ts';
export { compareEvaluations, judge, type Evaluation } from './ranking.ts';
export { searchParameters, searchSteps, type SearchOptions, type SearchResult } from './search.ts';
export type { GeneticOptions } from './genetic.ts';
export { searchTotal } from './search.ts';
export { walkForward, walkForwardSteps, walkForwardWindows, type WalkForwardOptions, type WalkForwardResult, type WalkForwardWindow, type WindowSpan } from './walk-forward.ts';
