import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Broker, Clock, DecisionLog, ExecutionStore, IdSource, MarketDataStore, RiskLimitsStore } from '../../core/index.ts';
import { createBacktestServer, createBrokerServer, createMarketDataServer, createOptimizeServer, createOversightServer, createRiskServer, type ServerName } from '../../mcp-servers/index.ts';
import type { OrderManager } from '../../tools/execution/index.ts';
import type { ApprovalSecrets } from './secrets.ts';

/** Servers an outside MCP client may reach (stdio, HTTP); the oversight server is the critic's alone. */
export const PUBLIC_SERVERS = ['market-data', 'backtest', 'risk', 'broker', 'optimize'] as const satisfies readonly ServerName[];

export interface ServerDeps {
  bars: MarketDataStore;
  execution: ExecutionStore;
  limits: RiskLimitsStore;
  decisions: DecisionLog;
  broker: Broker;
  /** Place, cancel, expire and reconcile orders; `cancelOpenOrders` is the kill switch's hook. */
  orders: OrderManager;
  clock: Clock;
  ids: IdSource;
  secrets: ApprovalSecrets;
  approvalTtlMs: number;
}

/** Build one MCP server by name from the concrete stores: the same servers run in-process and over stdio. */
export function createServer(name: ServerName, deps: ServerDeps): McpServer {
  switch (name) {
    case 'market-data':
      return createMarketDataServer({ bars: deps.bars });
    case 'backtest':
      return createBacktestServer({ bars: deps.bars });
    case 'risk':
      return createRiskServer({ bars: deps.bars, execution: deps.execution, limits: deps.limits, clock: deps.clock, ids: deps.ids, riskSecret: deps.secrets.risk, approvalTtlMs: deps.approvalTtlMs });
    case 'broker':
      return createBrokerServer({ execution: deps.execution, orders: deps.orders, bars: deps.bars });
    case 'oversight':
      return createOversightServer({ decisions: deps.decisions, clock: deps.clock, secrets: deps.secrets, approvalTtlMs: deps.approvalTtlMs });
    case 'optimize':
      return createOptimizeServer({ bars: deps.bars, execution: deps.execution });
  }
}
