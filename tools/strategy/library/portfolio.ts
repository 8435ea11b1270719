import type { StrategySpec } from '../../../core/index.ts';

const momentum = { indicator: 'roc', input: { price: 'close' }, period: { param: 'lookback' } } as const;

/** Relative momentum with an absolute filter: hold the strongest `top` symbols, monthly. */
export const momentumRotation: StrategySpec = {
  version: 1,
  name: 'momentum_rotation',
  description: 'Each month hold the `top` symbols with the highest rate of change over `lookback` bars, among those whose momentum is positive; a holding whose momentum turns negative is sold early. Needs several symbols (runPortfolioBacktest).',
  parameters: {
    lookback: { default: 126, min: 5, max: 252, step: 1 },
    top: { default: 2, min: 1, max: 20, step: 1 },
  },
  universe: [],
  entry: { op: 'gt', args: [momentum, 0] },
  exit: { op: 'lt', args: [momentum, 0] },
  side: 'long',
  sizing: { kind: 'all-in' },
  rotation: { rank: momentum, top: { param: 'top' }, rebalance: 'monthly' },
};

const zScore = { indicator: 'rollingZScore', input: { price: 'close' }, period: { param: 'lookback' } } as const;

/** Mean reversion of a two-leg spread: fade a stretched z-score, leave when it comes back. */
export const pairsZScore: StrategySpec = {
  version: 1,
  name: 'pairs_zscore',
  description: 'Spread A − β × B with β the rolling OLS slope over `lookback` bars: buy the spread when its z-score falls below −`entryZ`, sell it above `entryZ`; close when the z-score is back within `exitZ`. Needs two symbols (runPortfolioBacktest).',
  parameters: {
    lookback: { default: 60, min: 10, max: 250, step: 1 },
    entryZ: { default: 2, min: 0.5, max: 4, step: 0.25 },
    exitZ: { default: 0.5, min: 0, max: 2, step: 0.25 },
  },
  universe: [],
  entry: { op: 'lt', args: [zScore, { op: 'sub', args: [0, { param: 'entryZ' }] }] },
  exit: { op: 'gt', args: [zScore, { op: 'sub', args: [0, { param: 'exitZ' }] }] },
  shortEntry: { op: 'gt', args: [zScore, { param: 'entryZ' }] },
  shortExit: { op: 'lt', args: [zScore, { param: 'exitZ' }] },
  side: 'long-short',
  sizing: { kind: 'all-in' },
  pairs: { hedgeRatio: { rolling: { param: 'lookback' } } },
};
