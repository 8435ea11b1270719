import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Broker, Clock, DecisionLog, ExecutionStore, IdSource, MarketDataStore, NewsScorer, NewsStore, RiskLimitsStore, SemanticIndex } from '../../core/index.ts';
import { createBacktestServer, createBrokerServer, createMarketDataServer, createOptimizeServer, createOversightServer, createRiskServer, type ServerName } from '../../mcp-servers/index.ts';
import { createSignalsServer, type NewsSources } from '../../mcp-servers/index.ts';
import type { ApprovalSecrets } from './secrets.ts';

/** Servers an outside MCP client may reach (stdio, HTTP); the oversight server is the critic's alone. */
export const PUBLIC_SERVERS = ['market-data', 'backtest', 'risk', 'broker', 'optimize', 'signals'] as const satisfies readonly ServerName[];

export interface ServerDeps {
  bars: MarketDataStore;
  execution: ExecutionStore;
  limits: RiskLimitsStore;
  decisions: DecisionLog;
  broker: Broker;
  clock: Clock;
  ids: IdSource;
  secrets: ApprovalSecrets;
  approvalTtlMs: number;
  news: NewsStore;
  semantic: SemanticIndex;
  scorers: NewsScorer[];
  newsSources: NewsSources;
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
      return createBrokerServer({ execution: deps.execution, broker: deps.broker, clock: deps.clock, ids: deps.ids, approvalSecrets: deps.secrets });
    case 'oversight':
      return createOversightServer({ decisions: deps.decisions, clock: deps.clock, secrets: deps.secrets, approvalTtlMs: deps.approvalTtlMs });
    case 'optimize':
      return createOptimizeServer({ bars: deps.bars, execution: deps.execution });
    case 'signals':
      return createSignalsServer({ news: deps.news, index: deps.semantic, scorers: deps.scorers, clock: deps.clock, sources: deps.newsSources });
  }
}
