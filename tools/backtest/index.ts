export { runCrossoverBacktest } from './crossover.ts';
export { runSpecBacktest } from './spec.ts';
export { computeBacktestMetrics } from './metrics.ts';
export { simulateCrossover, simulateSignals, type CrossoverSimulation, type EntryExitSignals, type ExecutionRules } from './simulate.ts';
