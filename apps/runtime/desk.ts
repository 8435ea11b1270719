import { randomUUID } from 'node:crypto';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { randomIds, type Clock, type DecisionLog, type IdSource, type SemanticIndex } from '../../core/index.ts';

/** The wall clock (UTC instants). */
const systemClock: Clock = { now: () => new Date() };
import { AGENT_SPECS, EXECUTION_PLACEMENT_TOOLS, SPECIALISTS, createOfflinePlanner, createToolRegistry, type ModelProvider, type Toolbox } from '../../agents/index.ts';
import { createAnthropicProvider } from '../../agents/providers/anthropic.ts';
import { buildDeskGraph, readThread, replayThread, resumeTurn, runTurn, type ReplayReport, type ApprovalAnswer, type TurnEvent, type TurnResult } from '../../graphs/index.ts';
import { connectInProcess, SERVER_NAMES, type ServerName } from '../../mcp-servers/index.ts';
import { createCheckpointer, createDecisionLog, createExecutionStore, createMarketDataStore, createPaperVenueStore, createRiskLimitsStore, createStrategyStore, migrate, openDatabase, type Database } from '../../db/index.ts';
import { createOrderManager, createPaperBroker, type VenueBar } from '../../tools/execution/index.ts';
import { createNewsStore, createSemanticIndex } from '../../db/index.ts';
import { createHashingTextEmbedder, createLexiconScorer, decisionSymbols, decisionText } from '../../tools/signals/index.ts';
import { createNewsSources } from './news-sources.ts';
import type { DeskConfig } from './config.ts';
import { acquireHomeLock } from './lock.ts';
import { loadApprovalSecrets } from './secrets.ts';
import { seedDemoMarket } from './seed.ts';
import { buildMarketDataIngest } from './ingest.ts';
import { createServer, type ServerDeps } from './servers.ts';

export interface Desk {
  config: DeskConfig;
  db: Database;
  provider: ModelProvider;
  serverDeps: ServerDeps;
  migrations: { applied: string[]; skipped: string[]; all: string[] };
  seeded: { symbols: number; bars: number } | null;
  tools: Record<ServerName, string[]>;
  /** Scope an outside MCP client needs per tool: read for read-only tools, trade otherwise. */
  toolScopes: Record<string, 'read' | 'trade'>;
  chat(message: string, options?: { threadId?: string; onEvent?: (event: TurnEvent) => void }): Promise<TurnResult>;
  /** Answer an order waiting for human approval on a thread. */
  approve(threadId: string, answer: ApprovalAnswer): Promise<TurnResult>;
  /** Re-run a thread from its recorded tool results with the offline planner and compare decisions. */
  replay(threadId: string): Promise<ReplayReport>;
  /** The stored conversation of a thread, from the Postgres checkpointer. */
  thread(threadId: string): Promise<Array<{ role: 'user' | 'desk'; text: string }>>;
  close(): Promise<void>;
}

export interface OpenDeskOptions {
  role: string;
  clock?: Clock;
  ids?: IdSource;
  provider?: ModelProvider;
  log?: (line: string) => void;
  /** Use an already open database (tests); the desk then does not close it. */
  database?: Database;
}

/**
 * Wire the whole desk: database and migrations, demo data, stores, MCP servers connected
 * in-process, the model provider, and the checkpointed graph. The only place concretes meet.
 */
export async function openDesk(config: DeskConfig, options: OpenDeskOptions): Promise<Desk> {
  const log = options.log ?? (() => {});
  const release = config.databaseUrl || options.database ? () => {} : acquireHomeLock(config.home, options.role);
  try {
    const db = options.database ?? (await openDatabase({ url: config.databaseUrl, home: config.home, log }));
    const migrations = await migrate(db);
    const clock = options.clock ?? systemClock;
    const ids = options.ids ?? randomIds(randomUUID);
    const serverDeps = buildServerDeps(db, config, clock, ids);
    const seeded = await seedDemoMarket(serverDeps.bars, config.seed);
    // Reconciliation on start: book what the venue did while no process was watching.
    const sync = await serverDeps.orders.syncWithBroker();
    if (sync.updated.length + sync.submitted.length + sync.missingAtBroker.length + sync.unknownAtStore.length + sync.positionDifferences.length > 0) {
      log(`reconciled with broker ${serverDeps.broker.name}: ${JSON.stringify(sync)}`);
    }
    const clients = await connectAll(serverDeps);
    const listed = await Promise.all(SERVER_NAMES.map(async (name) => [name, (await clients[name].listTools()).tools] as const));
    const tools = Object.fromEntries(listed.map(([name, entries]) => [name, entries.map((tool) => tool.name)])) as Record<ServerName, string[]>;
    const toolScopes = Object.fromEntries(listed.flatMap(([, entries]) => entries.map((tool) => [tool.name, scopeOf(tool)] as const)));
    const provider = options.provider ?? pickProvider(config);
    const graph = buildDeskGraph({ provider, toolboxes: await buildToolboxes(clients), decisions: serverDeps.decisions, checkpointer: await createCheckpointer(db), humanApproval: config.humanApproval, threadTokenBudget: config.threadTokenBudget });
    return {
      config, db, provider, serverDeps, migrations, seeded, tools, toolScopes,
      chat: (message, chatOptions) => runTurn(graph, chatOptions?.threadId ?? ids.next('thread'), message, chatOptions?.onEvent),
      thread: (threadId) => readThread(graph, threadId),
      approve: (threadId, answer) => resumeTurn(graph, threadId, answer),
      replay: async (threadId) => replayThread(createOfflinePlanner(), (await serverDeps.decisions.listByThread(threadId)).decisions),
      close: async () => {
        await Promise.all(Object.values(clients).map((client) => client.close()));
        if (!options.database) await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * The decision log, with every appended decision also embedded into semantic memory (so "what did
 * we conclude about NVDA?" finds it). Without pgvector nothing is embedded and appends are unchanged.
 */
function indexedDecisionLog(log: DecisionLog, semantic: SemanticIndex): DecisionLog {
  return {
    ...log,
    append: async (input) => {
      const decision = await log.append(input);
      // Routing steps say nothing worth recalling; replies, proposals, orders and approvals do.
      if (decision.kind !== 'route') await semantic.indexDecision(decision);
      return decision;
    },
  };
}

function buildServerDeps(db: Database, config: DeskConfig, clock: Clock, ids: IdSource): ServerDeps {
  const bars = createMarketDataStore(db);
  const execution = createExecutionStore(db, { startingCash: config.startingCash });
  const latestBar = async (symbol: string): Promise<VenueBar | null> => {
    const latest = await bars.latestClose(symbol);
    if (latest === null) return null;
    const series = await bars.getBars(symbol, { from: latest.date, to: latest.date });
    return { date: latest.date, open: series.open[0], high: series.high[0], low: series.low[0], close: series.close[0], volume: series.volume[0] };
  };
  const broker = createPaperBroker({
    venue: createPaperVenueStore(db), latestBar, clock,
    slippage: { kind: 'bps', bps: 2 }, commission: { kind: 'percent', rate: 0.0005 }, participationCap: 0.1,
  });
  const secrets = loadApprovalSecrets(config.home, config.secrets);
  const orders = createOrderManager({ store: execution, broker, clock, ids, approvalSecrets: secrets });
  const semantic = createSemanticIndex(db, { embedder: createHashingTextEmbedder(), describeDecision: (decision) => ({ text: decisionText(decision), symbols: decisionSymbols(decision) }) });
  return {
    bars,
    execution,
    limits: createRiskLimitsStore(db, config.defaultLimits),
    decisions: indexedDecisionLog(createDecisionLog(db, { clock, ids }), semantic),
    broker,
    orders,
    // The kill switch cancels every open order when it turns on.
    cancelOpenOrders: async (reason) => (await orders.cancelOpenOrders(reason)).cancelled.length,
    clock,
    ids,
    secrets,
    approvalTtlMs: config.approvalTtlMs,
    ingest: buildMarketDataIngest(db, config, clock, ids),
    strategies: createStrategyStore(db, { clock, ids }),
    news: createNewsStore(db, { clock }),
    semantic,
    scorers: [createLexiconScorer()],
    newsSources: createNewsSources(config.news),
  };
}

async function connectAll(deps: ServerDeps): Promise<Record<ServerName, Client>> {
  const entries = await Promise.all(SERVER_NAMES.map(async (name) => [name, await connectInProcess(createServer(name, deps), `desk-${name}-client`)] as const));
  return Object.fromEntries(entries) as Record<ServerName, Client>;
}

async function buildToolboxes(clients: Record<ServerName, Client>): Promise<Record<(typeof SPECIALISTS)[number] | 'critic' | 'placement', Toolbox>> {
  const { oversight, ...desk } = clients;
  const registry = await createToolRegistry(desk);
  const criticRegistry = await createToolRegistry({ oversight });
  const specialists = Object.fromEntries(SPECIALISTS.map((name) => [name, registry.restrict(AGENT_SPECS[name].allowedTools)]));
  return { ...(specialists as Record<(typeof SPECIALISTS)[number], Toolbox>), critic: criticRegistry.restrict(AGENT_SPECS.critic.allowedTools), placement: registry.restrict(EXECUTION_PLACEMENT_TOOLS) };
}

/** A tool's declared `desk/scope`, else read for read-only tools and trade for the rest. */
function scopeOf(tool: { annotations?: { readOnlyHint?: boolean }; _meta?: Record<string, unknown> }): 'read' | 'trade' {
  const declared = tool._meta?.['desk/scope'];
  if (declared === 'read' || declared === 'trade') return declared;
  return tool.annotations?.readOnlyHint === true ? 'read' : 'trade';
}

function pickProvider(config: DeskConfig): ModelProvider {
  if (!config.anthropic) return createOfflinePlanner();
  return createAnthropicProvider({ apiKey: config.anthropic.apiKey, baseURL: config.anthropic.baseURL, model: config.anthropic.model });
}
