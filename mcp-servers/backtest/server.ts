import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { MarketDataStore, StrategyStore } from '../../core/index.ts';
import { strategyToolDeps } from './strategy-inputs.ts';
import { registerCompareStrategiesTool } from './tools/compare-strategies.ts';
import { registerRunBacktestTool } from './tools/run-backtest.ts';
import { registerStrategyRepositoryTools } from './tools/strategy-repository.ts';
import { registerSweepTool } from './tools/sweep.ts';
import { registerWalkForwardTool } from './tools/walk-forward.ts';

export interface BacktestServerDeps {
  bars: MarketDataStore;
  strategies: StrategyStore;
}

/**
 * Backtest server: run_backtest, sweep, walk_forward, compare_strategies (read-only,
 * deterministic) and the strategy repository: list_strategies, get_strategy, save_strategy.
 */
export function createBacktestServer(deps: BacktestServerDeps, into?: McpServer): McpServer {
  const server = into ?? new McpServer({ name: 'desk-backtest', version: '0.1.0' });
  const strategyDeps = strategyToolDeps(deps.bars, deps.strategies);
  registerRunBacktestTool(server, deps);
  registerSweepTool(server, strategyDeps);
  registerWalkForwardTool(server, strategyDeps);
  registerCompareStrategiesTool(server, strategyDeps);
  registerStrategyRepositoryTools(server, strategyDeps);
  return server;
}
