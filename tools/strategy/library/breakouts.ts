import type { StrategySpec } from '../../../core/index.ts';

/** Close above the upper Bollinger band; out when it falls back below the middle band. */
export const bollingerBreakout: StrategySpec = {
  version: 1,
  name: 'bollinger_breakout',
  description: 'Enter when the close crosses above the upper Bollinger band; exit when it crosses below the middle band (the SMA).',
  parameters: {
    period: { default: 20, min: 5, max: 100, step: 1 },
    k: { default: 2, min: 0.5, max: 4, step: 0.25 },
  },
  universe: [],
  entry: { op: 'crossAbove', args: [{ price: 'close' }, band('upper')] },
  exit: { op: 'crossBelow', args: [{ price: 'close' }, band('middle')] },
  side: 'long',
  sizing: { kind: 'all-in' },
};

function band(output: 'upper' | 'middle') {
  return { indicator: 'bollinger', input: { price: 'close' }, period: { param: 'period' }, k: { param: 'k' }, output } as const;
}

/** Turtle-style channel breakout: yesterday's channel, so today's bar cannot set its own trigger. */
export const donchianBreakout: StrategySpec = {
  version: 1,
  name: 'donchian_breakout',
  description: 'Enter when the close rises above the highest high of the previous `entryPeriod` bars; exit when it falls below the lowest low of the previous `exitPeriod` bars.',
  parameters: {
    entryPeriod: { default: 20, min: 2, max: 250, step: 1 },
    exitPeriod: { default: 10, min: 2, max: 250, step: 1 },
  },
  universe: [],
  entry: { op: 'gt', args: [{ price: 'close' }, { lag: { indicator: 'rollingMax', input: { price: 'high' }, period: { param: 'entryPeriod' } }, bars: 1 }] },
  exit: { op: 'lt', args: [{ price: 'close' }, { lag: { indicator: 'rollingMin', input: { price: 'low' }, period: { param: 'exitPeriod' } }, bars: 1 }] },
  side: 'long',
  sizing: { kind: 'all-in' },
};
