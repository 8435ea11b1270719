import { describe, expect, it } from 'vitest';
import { buildRiskBook, portfolioPnlSeries } from './book.ts';

const history = new Float64Array([0.01, -0.02, 0.03]);

describe('buildRiskBook', () => {
  it('computes exposures, net value and gross exposure, reading decimal-string quantities', () => {
    const book = buildRiskBook(
      [
        { symbol: 'AAA', quantity: '10.5', price: 100 },
        { symbol: 'BBB', quantity: -4, price: 50 },
      ],
      { AAA: history, BBB: history },
    );
    expect(Array.from(book.exposures)).toEqual([1050, -200]);
    expect(book).toMatchObject({ symbols: ['AAA', 'BBB'], portfolioValue: 850, grossExposure: 1250, observations: 3 });
  });

  it('replays today’s exposures over each day of history', () => {
    const book = buildRiskBook([{ symbol: 'AAA', quantity: 2, price: 50 }, { symbol: 'BBB', quantity: -1, price: 100 }], { AAA: history, BBB: new Float64Array([0.02, 0, 0]) });
    expect(Array.from(portfolioPnlSeries(book))).toEqual([expect.closeTo(-1, 12), expect.closeTo(-2, 12), expect.closeTo(3, 12)]);
  });

  it('refuses a position without history, misaligned histories and a duplicated symbol', () => {
    expect(() => buildRiskBook([{ symbol: 'AAA', quantity: 1, price: 1 }], {})).toThrow(/returns\.AAA is missing/);
    expect(() => buildRiskBook([{ symbol: 'AAA', quantity: 1, price: 1 }, { symbol: 'BBB', quantity: 1, price: 1 }], { AAA: history, BBB: new Float64Array(2) })).toThrow(/returns\.BBB has 2 days but returns\.AAA has 3/);
    expect(() => buildRiskBook([{ symbol: 'AAA', quantity: 1, price: 1 }, { symbol: 'AAA', quantity: 2, price: 1 }], { AAA: history })).toThrow(/appears twice/);
  });

  it('refuses bad numbers with invalid_number, naming the field', () => {
    const attempt = (quantity: number | string, price: number, returns = history) => () => buildRiskBook([{ symbol: 'AAA', quantity, price }], { AAA: returns });
    expect(attempt(Number.NaN, 1)).toThrow(/positions\[0\]\.quantity must be a finite number/);
    expect(attempt('1e3', 1)).toThrow(/positions\[0\]\.quantity must be a decimal number/);
    expect(attempt(1, 0)).toThrow(/positions\[0\]\.price must be > 0/);
    expect(attempt(1, 1, new Float64Array([0.01, Number.POSITIVE_INFINITY]))).toThrow(/returns\.AAA\[1\] must be a finite number/);
    expect(attempt(1, -1)).toThrow(expect.objectContaining({ code: 'invalid_number', details: { field: 'positions[0].price' } }));
  });

  it('refuses an empty book and a one-day history', () => {
    expect(() => buildRiskBook([], {})).toThrow(/at least one position/);
    expect(() => buildRiskBook([{ symbol: 'AAA', quantity: 1, price: 1 }], { AAA: new Float64Array([0.01]) })).toThrow(/at least 2 days \(got 1\)/);
  });
});
