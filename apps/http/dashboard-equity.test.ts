import { describe, expect, it } from 'vitest';
import type { Fill } from '../../core/index.ts';
import { equityByDay } from './dashboard-equity.ts';

const fill = (id: string, filledAt: string, symbol: string, side: 'buy' | 'sell', quantity: string, price: string, commission = '0'): Fill => ({ id, orderId: `o_${id}`, symbol, side, quantity, price, commission, filledAt, executionId: `x_${id}` });

describe('equity by day from fills and closes', () => {
  it('is empty before the first fill', () => {
    expect(equityByDay('1000', [], new Map())).toEqual([]);
  });

  it('moves cash with each fill and marks holdings at each day\'s close', () => {
    const closes = new Map([
      ['AAA', { dates: ['2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06'], close: [9, 10, 11, 12.5] }],
      ['BBB', { dates: ['2026-01-02', '2026-01-05', '2026-01-06'], close: [20, 21, 19] }],
    ]);
    const fills = [
      // out of order on purpose: the store lists newest first
      fill('f3', '2026-01-06T15:00:00.000Z', 'AAA', 'sell', '4', '12', '0.5'),
      fill('f1', '2026-01-02T15:00:00.000Z', 'AAA', 'buy', '10', '10', '1'),
      fill('f2', '2026-01-05T15:00:00.000Z', 'BBB', 'buy', '5', '21.2'),
    ];
    // 01-02: cash 1000 - 100 - 1 = 899; AAA 10 x 10 = 100 -> 999
    // 01-05: cash 899 - 106 = 793; AAA 10 x 11 + BBB 5 x 21 = 215 -> 1008
    // 01-06: cash 793 + 48 - 0.5 = 840.5; AAA 6 x 12.5 + BBB 5 x 19 = 170 -> 1010.5
    expect(equityByDay('1000', fills, closes)).toEqual([
      { date: '2026-01-02', cash: '899.00', holdings: '100.00', equity: '999.00' },
      { date: '2026-01-05', cash: '793.00', holdings: '215.00', equity: '1008.00' },
      { date: '2026-01-06', cash: '840.50', holdings: '170.00', equity: '1010.50' },
    ]);
  });

  it('marks at the fill price before a symbol has a close, and carries the last close over days without a bar', () => {
    const closes = new Map([['CCC', { dates: ['2026-01-06'], close: [3] }]]);
    const fills = [fill('f1', '2026-01-05T10:00:00.000Z', 'CCC', 'buy', '100', '2.5'), fill('f2', '2026-01-07T10:00:00.000Z', 'CCC', 'sell', '50', '3.1')];
    expect(equityByDay('500', fills, closes).map((point) => [point.date, point.holdings, point.equity])).toEqual([
      ['2026-01-05', '250.00', '500.00'],
      ['2026-01-06', '300.00', '550.00'],
      ['2026-01-07', '150.00', '555.00'],
    ]);
  });
});
