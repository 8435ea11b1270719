import { resolve } from 'node:path';
import { DeskError, RiskLimitsSchema, parseWith, type RiskLimits } from '../../core/index.ts';

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
  secrets: { risk: string | undefined; critic: string | undefined };
  approvalTtlMs: number;
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
    secrets: { risk: env.DESK_RISK_SECRET || undefined, critic: env.DESK_CRITIC_SECRET || undefined },
    approvalTtlMs: integer(env, 'DESK_APPROVAL_TTL_MS', 5 * 60_000, 1_000, 24 * 3_600_000),
  };
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
