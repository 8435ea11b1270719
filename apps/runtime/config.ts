import { resolve } from 'node:path';
import { DeskError, NonNegativeDecimalSchema, RiskLimitsSchema, parseWith, type RiskLimits } from '../../core/index.ts';

/** Everything configurable, read from the environment once. Secrets come only from env or DESK_HOME. */
export interface DeskConfig {
  home: string;
  databaseUrl: string | undefined;
  port: number;
  seed: number;
  startingCash: string;
  defaultLimits: RiskLimits;
  anthropic: { apiKey: string; baseURL: string | undefined; model: string | undefined } | null;
  apiToken: string | undefined;
  /** Bearer tokens of MCP-over-HTTP clients with their scopes (read, trade, admin). */
  mcpTokens: McpToken[];
  /** Extra host names the HTTP server answers to besides 127.0.0.1, localhost and [::1]. */
  allowedHosts: string[];
  /** MCP-over-HTTP requests one token may make per minute (bursts up to the same number). */
  mcpRateLimit: number;
  secrets: { risk: string | undefined; critic: string | undefined };
  approvalTtlMs: number;
  /** Orders whose notional exceeds this wait for a human ('all': every order; null: none). */
  humanApproval: { above: string } | 'all' | null;
  /** Model tokens one thread may use (Claude path); null: no limit. */
  threadTokenBudget: number | null;
  /** News files ingest_news may read (DESK_NEWS_DIR), and feed hosts it may fetch (DESK_NEWS_FEED_HOSTS; none: network off). */
  news: { directory: string; feedHosts: string[] };
  /** Market data ingestion: the directory CSV imports over MCP may read, network sources, the refresh plan. */
  marketData: MarketDataConfig;
}

export interface MarketDataConfig {
  dataDir: string;
  /** DESK_YAHOO=1 enables Yahoo Finance (DESK_YAHOO_BASE_URL points it elsewhere, e.g. a local fake). */
  yahoo: { baseUrl: string | undefined } | null;
  /** Enabled when APCA_API_KEY_ID and APCA_API_SECRET_KEY are set; APCA_DATA_URL, APCA_DATA_FEED optional. */
  alpaca: { keyId: string; secretKey: string; baseUrl: string | undefined; feed: string | undefined } | null;
  /** DESK_REFRESH_SYMBOLS (default: every stored symbol), DESK_REFRESH_SOURCE, DESK_REFRESH_SCHEDULE (cron or "every 1h"; unset: no schedule). */
  refresh: { symbols: string[]; source: string; schedule: string | null };
}

/**
 * Read the desk's configuration from `env`.
 * @example const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined>): DeskConfig {
  return {
    home: resolve(env.DESK_HOME ?? '.desk'),
    databaseUrl: env.DATABASE_URL || undefined,
    port: integer(env, 'DESK_PORT', 8787, 0, 65535),
    seed: integer(env, 'DESK_SEED', 42, 0, 2 ** 31 - 1),
    startingCash: env.DESK_STARTING_CASH ?? '1000000',
    defaultLimits: parseWith(
      RiskLimitsSchema,
      {
        maxOrderNotional: env.DESK_MAX_ORDER_NOTIONAL ?? '250000',
        maxPositionQuantity: env.DESK_MAX_POSITION ?? '10000',
        restrictedSymbols: (env.DESK_RESTRICTED_SYMBOLS ?? '').split(',').map((symbol) => symbol.trim()).filter(Boolean),
      },
      'risk limits from DESK_MAX_ORDER_NOTIONAL / DESK_MAX_POSITION / DESK_RESTRICTED_SYMBOLS',
    ),
    anthropic: env.ANTHROPIC_API_KEY ? { apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL || undefined, model: env.DESK_MODEL || undefined } : null,
    apiToken: env.DESK_API_TOKEN || undefined,
    mcpTokens: parseMcpTokens(env.DESK_MCP_TOKENS ?? ''),
    allowedHosts: (env.DESK_ALLOWED_HOSTS ?? '').split(',').map((host) => host.trim().toLowerCase()).filter(Boolean),
    mcpRateLimit: integer(env, 'DESK_MCP_RATE_LIMIT', 120, 1, 1_000_000),
    secrets: { risk: env.DESK_RISK_SECRET || undefined, critic: env.DESK_CRITIC_SECRET || undefined },
    approvalTtlMs: integer(env, 'DESK_APPROVAL_TTL_MS', 5 * 60_000, 1_000, 24 * 3_600_000),
    humanApproval: humanApprovalFrom(env.DESK_HUMAN_APPROVAL ?? ''),
    threadTokenBudget: env.DESK_THREAD_TOKEN_BUDGET ? integer(env, 'DESK_THREAD_TOKEN_BUDGET', 0, 1, 1e9) : null,
    news: { directory: resolve(env.DESK_NEWS_DIR ?? resolve(env.DESK_HOME ?? '.desk', 'news')), feedHosts: (env.DESK_NEWS_FEED_HOSTS ?? '').split(',').map((host) => host.trim().toLowerCase()).filter(Boolean) },
    marketData: marketDataFrom(env, resolve(env.DESK_HOME ?? '.desk')),
  };
}

function marketDataFrom(env: Record<string, string | undefined>, home: string): MarketDataConfig {
  const yahoo = env.DESK_YAHOO === '1' ? { baseUrl: env.DESK_YAHOO_BASE_URL || undefined } : null;
  const keyId = env.APCA_API_KEY_ID?.trim();
  const secretKey = env.APCA_API_SECRET_KEY?.trim();
  const alpaca = keyId && secretKey ? { keyId, secretKey, baseUrl: env.APCA_DATA_URL || undefined, feed: env.APCA_DATA_FEED || undefined } : null;
  const available = ['synthetic', ...(yahoo ? ['yahoo'] : []), ...(alpaca ? ['alpaca'] : [])];
  const source = env.DESK_REFRESH_SOURCE || (yahoo ? 'yahoo' : alpaca ? 'alpaca' : 'synthetic');
  if (!available.includes(source)) throw new DeskError('config_error', `DESK_REFRESH_SOURCE must be one of ${available.join(', ')} here (got ${JSON.stringify(source)}); yahoo needs DESK_YAHOO=1, alpaca needs APCA_API_KEY_ID and APCA_API_SECRET_KEY`, { field: 'DESK_REFRESH_SOURCE' });
  return {
    dataDir: resolve(env.DESK_DATA_DIR ?? resolve(home, 'data')),
    yahoo,
    alpaca,
    refresh: {
      symbols: (env.DESK_REFRESH_SYMBOLS ?? '').split(',').map((symbol) => symbol.trim().toUpperCase()).filter(Boolean),
      source,
      schedule: env.DESK_REFRESH_SCHEDULE?.trim() || null,
    },
  };
}

export const MCP_SCOPES = ['read', 'trade', 'admin'] as const;
export type McpScope = (typeof MCP_SCOPES)[number];
export interface McpToken {
  client: string;
  token: string;
  scopes: McpScope[];
}

/**
 * DESK_MCP_TOKENS: comma-separated `client:token:scope+scope`, e.g.
 * `claude:3f9c...:read+trade`. Tokens must be at least 24 characters.
 */
export function parseMcpTokens(raw: string): McpToken[] {
  return raw.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry, index) => {
    const [client, token, scopeList] = entry.split(':');
    const scopes = (scopeList ?? '').split('+').filter(Boolean);
    const where = `DESK_MCP_TOKENS entry ${index + 1}`;
    if (!client || !/^[A-Za-z0-9_.-]{1,64}$/.test(client)) throw new DeskError('config_error', `${where}: client name must be 1-64 letters, digits, _ . - (format client:token:scope+scope)`);
    if (!token || token.length < 24) throw new DeskError('config_error', `${where} (${client}): token must be at least 24 characters`);
    const unknown = scopes.filter((scope) => !(MCP_SCOPES as readonly string[]).includes(scope));
    if (scopes.length === 0 || unknown.length) throw new DeskError('config_error', `${where} (${client}): scopes must be one or more of ${MCP_SCOPES.join(', ')} joined by + (got ${JSON.stringify(scopeList ?? '')})`);
    return { client, token, scopes: scopes as McpScope[] };
  });
}

function humanApprovalFrom(raw: string): DeskConfig['humanApproval'] {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'off' || value === 'none') return null;
  if (value === 'all') return 'all';
  const above = parseWith(NonNegativeDecimalSchema, value, 'DESK_HUMAN_APPROVAL (a notional in USD, "all" or "off")');
  return { above };
}

function integer(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DeskError('config_error', `${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`, { field: name });
  }
  return value;
}
