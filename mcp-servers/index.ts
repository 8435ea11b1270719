export { createMarketDataServer, type MarketDataServerDeps } from './market-data/server.ts';
export type { MarketDataIngest } from './market-data/ingest.ts';
export { createBacktestServer, type BacktestServerDeps } from './backtest/server.ts';
export { createRiskServer, type RiskServerDeps } from './risk/server.ts';
export { createBrokerServer, type BrokerServerDeps } from './broker/server.ts';
export { createOversightServer, type OversightServerDeps } from './oversight/server.ts';
export { createOptimizeServer, runOptimization, type OptimizeServerDeps, type OptimizationReport } from './optimize/index.ts';
export { createSignalsServer, QUOTED_DATA_NOTICE, type NewsSources, type SignalsServerDeps } from './signals/index.ts';
export { connectInProcess, serveStdio } from './shared/index.ts';
export { registerDeskResources, type DeskResourceDeps } from './desk/resources.ts';
export { registerDeskPrompts } from './desk/prompts.ts';

/** Names of the servers, as `npx desk mcp <server>` takes them. */
export const SERVER_NAMES = ['market-data', 'backtest', 'risk', 'broker', 'oversight', 'optimize', 'signals'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];
export { seedStrategies } from './backtest/library.ts';
