import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import {
  BacktestSettingsSchema, IsoDateSchema, SymbolSchema, parseWith,
  type BacktestSettings, type BarSeries, type MarketDataStore, type StrategySpec, type StrategyStore,
} from '../../core/index.ts';
import { lastYearsRange } from '../../tools/market/index.ts';
import { listStrategies, parseStrategySpec, specHash, type ExternalSeries } from '../../tools/strategy/index.ts';
import type { Progress } from '../../tools/strategy-lab/index.ts';
import { seedStrategies } from './library.ts';

export interface StrategyToolDeps {
  bars: MarketDataStore;
  strategies: StrategyStore;
  /** Seeds the built-in library into the repository once, on first use. */
  ready: () => Promise<void>;
}

/** deps plus a once-only seeding of the built-in library. */
export function strategyToolDeps(bars: MarketDataStore, strategies: StrategyStore): StrategyToolDeps {
  let seeding: Promise<unknown> | undefined;
  return { bars, strategies, ready: async () => { seeding ??= seedStrategies(strategies, listStrategies()); await seeding; } };
}

export const strategyReference = z.union([z.string().min(1), z.record(z.string(), z.unknown())])
  .describe('A stored strategy as "name" (latest version), "name@version" or a version id (see list_strategies), or an inline spec object (see get_strategy for the shape)');

export const paramsInput = z.record(z.string(), z.number()).describe('Parameter values by name, e.g. {"fast": 10}; missing ones take their defaults');

/** Which bars and execution assumptions a backtest tool runs on. */
export const dataInput = {
  symbol: SymbolSchema.describe('Ticker with stored daily bars, e.g. AAPL'),
  years: z.number().positive().max(50).optional().describe('Use the last N years of data (default 5; ignored when from is given)'),
  from: IsoDateSchema.optional().describe('First date, inclusive (YYYY-MM-DD)'),
  to: IsoDateSchema.optional().describe('Last date, inclusive (YYYY-MM-DD)'),
  initialCash: z.number().positive().max(1e12).optional().describe('Starting cash in USD (default 100000)'),
  commissionRate: z.number().min(0).max(0.1).optional().describe('Commission as a fraction of traded value (default 0.001 = 0.1%)'),
  externals: z.record(z.string(), z.record(IsoDateSchema, z.number())).optional()
    .describe('External series a spec reads with {"external": name}: name → {date: value}, e.g. {"sentiment": {"2025-01-02": 0.4}}'),
};

/** The strategy version a result came from: repository id and version, or null for an inline spec; always its hash. */
export const versionOutput = z.object({ id: z.string().nullable(), name: z.string(), version: z.number().nullable(), specHash: z.string() });
export type VersionRef = z.infer<typeof versionOutput>;

/** A strategy reference resolved to its spec and exact version. */
export async function resolveStrategy(deps: StrategyToolDeps, reference: string | Record<string, unknown>): Promise<{ spec: StrategySpec; version: VersionRef }> {
  if (typeof reference !== 'string') {
    const spec = parseStrategySpec(reference);
    return { spec, version: { id: null, name: spec.name, version: null, specHash: specHash(spec) } };
  }
  await deps.ready();
  const stored = await deps.strategies.get(reference);
  return { spec: stored.spec, version: { id: stored.id, name: stored.name, version: stored.version, specHash: stored.specHash } };
}

type DataFields = { symbol: string; years?: number; from?: string; to?: string; initialCash?: number; commissionRate?: number; externals?: ExternalSeries };

/** The bars, settings and externals a data input names. */
export async function loadData(bars: MarketDataStore, input: DataFields): Promise<{ series: BarSeries; settings: BacktestSettings; externals: ExternalSeries }> {
  const settings = parseWith(BacktestSettingsSchema, { initialCash: input.initialCash, commissionRate: input.commissionRate }, 'backtest settings');
  const all = await bars.getBars(input.symbol, { to: input.to });
  const range = input.from ? { from: input.from, to: input.to } : lastYearsRange(all, input.years ?? 5);
  return { series: await bars.getBars(input.symbol, range), settings, externals: input.externals ?? {} };
}

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * Progress reporting for a long tool: MCP progress notifications when the request carries a
 * progressToken (at most about 50 per call), plus the request's abort signal.
 */
export function progressOf(extra: Extra): { onProgress: (progress: Progress) => Promise<void>; signal: AbortSignal } {
  const token = extra._meta?.progressToken;
  let sentAt = -1;
  const onProgress = async ({ done, total }: Progress) => {
    if (token === undefined) return;
    const bucket = Math.floor((done / total) * 50);
    if (bucket === sentAt && done !== total) return;
    sentAt = bucket;
    await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: done, total } });
  };
  return { onProgress, signal: extra.signal };
}
