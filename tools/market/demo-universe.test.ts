import { describe, expect, it } from 'vitest';
import { DEMO_UNIVERSE, generateDemoMarket } from './demo-universe.ts';

describe('generateDemoMarket', () => {
  const market = generateDemoMarket({ seed: 42 });

  it('covers the demo universe including AAPL, MSFT, NVDA, AMZN, SPY and TSLA', () => {
    const symbols = market.map((series) => series.symbol);
    expect(symbols).toEqual(DEMO_UNIVERSE.map((entry) => entry.symbol));
    expect(symbols).toEqual(expect.arrayContaining(['AAPL', 'MSFT', 'NVDA', 'AMZN', 'SPY', 'TSLA']));
  });

  it('spans ten years ending 2025-12-31 by default', () => {
    for (const series of market) {
      expect(series.dates[0]).toBe('2016-01-01');
      expect(series.dates[series.dates.length - 1]).toBe('2025-12-31');
    }
  });

  it('gives each symbol its own path', () => {
    const [first, second] = market;
    const firstReturns = first.close[100] / first.close[99];
    const secondReturns = second.close[100] / second.close[99];
    expect(firstReturns).not.toBe(secondReturns);
  });

  it('is reproducible from the seed and pinned to known figures', () => {
    const again = generateDemoMarket({ seed: 42 });
    expect(again.map((series) => Array.from(series.close))).toEqual(market.map((series) => Array.from(series.close)));
    const apple = market[0];
    expect([apple.close[0], apple.close[apple.close.length - 1]]).toEqual([26.06, 591.35]);
  });

  it('honours endDate and years', () => {
    const short = generateDemoMarket({ seed: 1, endDate: '2024-06-28', years: 1 });
    expect(short[0].dates[0]).toBe('2023-06-29');
    expect(short[0].dates[short[0].dates.length - 1]).toBe('2024-06-28');
  });

  it('refuses a fractional number of years', () => {
    expect(() => generateDemoMarket({ seed: 1, years: 0.5 })).toThrow(/years must be a whole number/);
  });
});
