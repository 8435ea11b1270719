import { describe, expect, it } from 'vitest';
import { capmReturn, emaHistoricalReturn, meanHistoricalReturn } from './expected-returns.ts';
import type { ReturnsTable } from './returns.ts';

const table: ReturnsTable = { dates: ['a', 'b', 'c'], tickers: ['X', 'Y'], returns: [[0.01, null], [0.03, 0.02], [-0.01, 0.04]] };

describe('meanHistoricalReturn', () => {
  it('annualizes the arithmetic mean of each asset over its own returns', () => {
    const [x, y] = meanHistoricalReturn(table);
    expect(x).toBeCloseTo((0.03 / 3) * 252, 12);
    expect(y).toBeCloseTo(0.03 * 252, 12);
  });

  it('compounds to a CAGR when asked', () => {
    const [x] = meanHistoricalReturn(table, { compounding: true });
    expect(x).toBeCloseTo((1.01 * 1.03 * 0.99) ** (252 / 3) - 1, 10);
  });

  it('refuses an asset without any return', () => {
    const empty: ReturnsTable = { dates: ['a'], tickers: ['Z'], returns: [[null]] };
    expect(() => meanHistoricalReturn(empty)).toThrow(expect.objectContaining({ code: 'insufficient_data' }));
  });
});

describe('emaHistoricalReturn', () => {
  it('weighs each older day by (1 - α) with α = 2 / (span + 1)', () => {
    const [x] = emaHistoricalReturn(table, { span: 3 });
    expect(x).toBeCloseTo(((0.25 * 0.01 + 0.5 * 0.03 - 0.01) / 1.75) * 252, 12);
  });

  it('keeps counting age across a missing day', () => {
    const [, y] = emaHistoricalReturn({ ...table, returns: [[0.01, 0.02], [0.03, null], [-0.01, 0.04]] }, { span: 3 });
    expect(y).toBeCloseTo(((0.25 * 0.02 + 0.04) / 1.25) * 252, 12);
  });
});

describe('capmReturn', () => {
  const market = [0.01, -0.02, 0.015, 0.005];
  const capmTable: ReturnsTable = { dates: ['a', 'b', 'c', 'd'], tickers: ['SAME', 'DOUBLE'], returns: market.map((value) => [value, 2 * value]) };

  it('gives beta 1 to the benchmark itself and beta 2 to twice the benchmark', () => {
    const marketReturn = (market.reduce((sum, value) => sum + value, 0) / 4) * 252;
    const [same, double] = capmReturn(capmTable, { benchmark: market, riskFreeRate: 0.02 });
    expect(same).toBeCloseTo(marketReturn, 12);
    expect(double).toBeCloseTo(0.02 + 2 * (marketReturn - 0.02), 12);
  });

  it('uses the equal-weighted mean of the assets when no benchmark is given', () => {
    const [same] = capmReturn(capmTable, { riskFreeRate: 0 });
    const equalWeighted = (market.reduce((sum, value) => sum + 1.5 * value, 0) / 4) * 252;
    expect(same).toBeCloseTo((1 / 1.5) * equalWeighted, 12);
  });

  it('refuses a benchmark of the wrong length', () => {
    expect(() => capmReturn(capmTable, { benchmark: [0.01] })).toThrow(/benchmark must have one return per returns row/);
  });
});
