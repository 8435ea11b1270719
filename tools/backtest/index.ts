export { runCrossoverBacktest } from './crossover.ts';
export { computeBacktestMetrics } from './metrics.ts';
export { simulateCrossover, type CrossoverSimulation } from './simulate.ts';
