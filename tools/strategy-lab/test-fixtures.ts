import { DeskError, type BacktestMetrics, type BacktestResult, type StrategySpec } from '../../core/index.ts';
import type { StrategyParams } from '../strategy/index.ts';
import type { Evaluate } from './evaluator.ts';

const ZERO: BacktestMetrics = { totalReturn: 0, annualizedReturn: 0, annualizedVolatility: 0, sharpe: 0, maxDrawdown: 0, trades: 0, winRate: 0, exposure: 0, finalEquity: 0 };

/** A spec with integer `fast` 2..30 and `slow` 10..80 (step 2) and a continuous `k` in [0, 1]. */
export function twoAveragesSpec(): StrategySpec {
  const average = (param: string) => ({ indicator: 'sma', input: { price: 'close' }, period: { param } }) as const;
  return {
    version: 1, name: 'fixture', description: 'search fixture', universe: [],
    parameters: { fast: { default: 10, min: 2, max: 30, step: 1 }, slow: { default: 40, min: 10, max: 80, step: 2 }, k: { default: 0.5, min: 0, max: 1 } },
    entry: { op: 'crossAbove', args: [average('fast'), average('slow')] }, exit: { op: 'crossBelow', args: [average('fast'), average('slow')] },
    side: 'long', sizing: { kind: 'all-in' },
  };
}

/**
 * A stand-in backtest with known metrics: sharpe = 2 − (fast − 12)²/100 − (slow − 40)²/400 − (k − 0.3)²,
 * maxDrawdown = fast / 100, trades = slow − fast; fast = 13 is refused as a backtest would refuse it.
 * Counts its calls.
 */
export function knownSurface(): Evaluate & { calls: number } {
  const evaluate = ((params: StrategyParams) => {
    evaluate.calls++;
    const { fast, slow, k = 0.5 } = params;
    if (fast === 13) throw new DeskError('insufficient_data', 'fast 13 needs more bars');
    const metrics = { ...ZERO, sharpe: 2 - (fast - 12) ** 2 / 100 - (slow - 40) ** 2 / 400 - (k - 0.3) ** 2, maxDrawdown: fast / 100, trades: slow - fast };
    return { metrics } as BacktestResult;
  }) as Evaluate & { calls: number };
  evaluate.calls = 0;
  return evaluate;
}
