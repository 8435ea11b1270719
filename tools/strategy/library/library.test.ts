import { describe, expect, it } from 'vitest';
import { generateSyntheticBars } from '../../market/index.ts';
import { evaluateSignals } from '../evaluate.ts';
import { parseStrategySpec } from '../parse.ts';
import { getStrategy, listStrategies } from './index.ts';

const series = generateSyntheticBars({
  symbol: 'SYN', seed: 11, startDate: '2022-01-03', endDate: '2024-12-31', initialPrice: 100, annualDrift: 0.06, annualVolatility: 0.3,
});
/** A deterministic sentiment score per date, swinging between -1 and 1. */
const sentiment = Object.fromEntries(series.dates.map((date, index) => [date, Math.sin(index / 9)]));

describe('the built-in strategy library', () => {
  it('holds the nine documented strategies', () => {
    expect(listStrategies().map((spec) => spec.name)).toEqual([
      'sma_crossover', 'ema_crossover', 'rsi_mean_reversion', 'bollinger_breakout', 'donchian_breakout', 'macd_trend', 'news_sentiment',
      'momentum_rotation', 'pairs_zscore',
    ]);
  });

  it.each(listStrategies().map((spec) => [spec.name, spec] as const))('%s validates and gives entries and exits on generated bars', (_name, spec) => {
    expect(parseStrategySpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    const { entry, exit } = evaluateSignals(spec, series, {}, { sentiment });
    expect(entry).toHaveLength(series.dates.length);
    expect(entry.some((value) => value === 1)).toBe(true);
    expect(exit.some((value) => value === 1)).toBe(true);
  });

  it('hands out copies, and names the known strategies for an unknown one', () => {
    const spec = getStrategy('rsi_mean_reversion');
    spec.parameters.period.default = 99;
    expect(getStrategy('rsi_mean_reversion').parameters.period.default).toBe(14);
    expect(() => getStrategy('turtle')).toThrow(expect.objectContaining({ code: 'not_found', message: expect.stringContaining('known: sma_crossover, ema_crossover') }));
  });
});
