import type { StrategySpec } from '../../../core/index.ts';

const rsi = { indicator: 'rsi', input: { price: 'close' }, period: { param: 'period' } } as const;

/** Buy oversold, sell on recovery. */
export const rsiMeanReversion: StrategySpec = {
  version: 1,
  name: 'rsi_mean_reversion',
  description: 'Enter when RSI falls below `oversold`; exit when it rises above `exitLevel`.',
  parameters: {
    period: { default: 14, min: 2, max: 50, step: 1 },
    oversold: { default: 30, min: 5, max: 50, step: 1 },
    exitLevel: { default: 55, min: 40, max: 95, step: 1 },
  },
  universe: [],
  entry: { op: 'lt', args: [rsi, { param: 'oversold' }] },
  exit: { op: 'gt', args: [rsi, { param: 'exitLevel' }] },
  side: 'long',
  sizing: { kind: 'all-in' },
};

/** Trades on a sentiment score supplied at run time (e.g. from tools/signals), one value per date. */
export const newsSentiment: StrategySpec = {
  version: 1,
  name: 'news_sentiment',
  description: 'Enter when the external `sentiment` series rises above `threshold`; exit when it falls below `exitThreshold`. Needs externals.sentiment (date → score in [-1, 1]).',
  parameters: {
    threshold: { default: 0.3, min: 0, max: 1, step: 0.05 },
    exitThreshold: { default: 0, min: -1, max: 1, step: 0.05 },
  },
  universe: [],
  entry: { op: 'gt', args: [{ external: 'sentiment' }, { param: 'threshold' }] },
  exit: { op: 'lt', args: [{ external: 'sentiment' }, { param: 'exitThreshold' }] },
  side: 'long',
  sizing: { kind: 'all-in' },
};
