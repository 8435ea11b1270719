export { createOptimizeServer, type OptimizeServerDeps } from './server.ts';
export { runOptimization, expectedReturns, covarianceOf, type OptimizationReport } from './run-optimization.ts';
export { resolvePriceTable, storedPriceTable, latestCloses } from './prices.ts';
