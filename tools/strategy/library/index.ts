import { DeskError, type StrategySpec } from '../../../core/index.ts';
import { parseStrategySpec } from '../parse.ts';
import { bollingerBreakout, donchianBreakout } from './breakouts.ts';
import { emaCrossover, macdTrend, smaCrossover } from './crossovers.ts';
import { newsSentiment, rsiMeanReversion } from './oscillators.ts';
import { momentumRotation, pairsZScore } from './portfolio.ts';

// Parsed once at load so a broken built-in fails loudly, not at the first backtest.
const LIBRARY: ReadonlyMap<string, StrategySpec> = new Map(
  [smaCrossover, emaCrossover, rsiMeanReversion, bollingerBreakout, donchianBreakout, macdTrend, newsSentiment, momentumRotation, pairsZScore].map((spec) => [spec.name, parseStrategySpec(spec)]),
);

/**
 * The built-in strategy specs, in a fixed order. Copies: changing one does not change the library.
 * @example listStrategies().map((spec) => spec.name) // ['sma_crossover', 'ema_crossover', ...]
 */
export function listStrategies(): StrategySpec[] {
  return [...LIBRARY.values()].map((spec) => structuredClone(spec));
}

/**
 * One built-in spec by name (a copy); DeskError('not_found') naming the known ones otherwise.
 * @example getStrategy('rsi_mean_reversion').parameters.period.default // 14
 */
export function getStrategy(name: string): StrategySpec {
  const spec = LIBRARY.get(name);
  if (spec === undefined) throw new DeskError('not_found', `no built-in strategy '${name}'; known: ${[...LIBRARY.keys()].join(', ')}`, { name });
  return structuredClone(spec);
}
