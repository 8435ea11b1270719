import type { StrategySpec } from '../../../core/index.ts';

/** Moving-average crossover specs; `average` picks sma or ema. */
function crossover(average: 'sma' | 'ema'): StrategySpec {
  const fast = { indicator: average, input: { price: 'close' }, period: { param: 'fast' } } as const;
  const slow = { indicator: average, input: { price: 'close' }, period: { param: 'slow' } } as const;
  return {
    version: 1,
    name: `${average}_crossover`,
    description: `Long while the fast ${average.toUpperCase()} of the close is above the slow one: enter when it crosses above, exit when it crosses back below.`,
    parameters: {
      fast: { default: 10, min: 1, max: 200, step: 1 },
      slow: { default: 30, min: 2, max: 400, step: 1 },
    },
    universe: [],
    entry: { op: 'crossAbove', args: [fast, slow] },
    exit: { op: 'crossBelow', args: [fast, slow] },
    side: 'long',
    sizing: { kind: 'all-in' },
  };
}

export const smaCrossover = crossover('sma');
export const emaCrossover = crossover('ema');

/** MACD line crossing its signal line. */
export const macdTrend: StrategySpec = {
  version: 1,
  name: 'macd_trend',
  description: 'Long while the MACD line is above its signal line: enter on the cross above, exit on the cross below.',
  parameters: {
    fast: { default: 12, min: 2, max: 50, step: 1 },
    slow: { default: 26, min: 3, max: 100, step: 1 },
    signal: { default: 9, min: 2, max: 50, step: 1 },
  },
  universe: [],
  entry: { op: 'crossAbove', args: [macdLine('macd'), macdLine('signal')] },
  exit: { op: 'crossBelow', args: [macdLine('macd'), macdLine('signal')] },
  side: 'long',
  sizing: { kind: 'all-in' },
};

function macdLine(output: 'macd' | 'signal') {
  return { indicator: 'macd', input: { price: 'close' }, fast: { param: 'fast' }, slow: { param: 'slow' }, signal: { param: 'signal' }, output } as const;
}
