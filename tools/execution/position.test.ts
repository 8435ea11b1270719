import { describe, expect, it } from 'vitest';
import type { Fill, Position } from '../../core/index.ts';
import { applyFillToPosition } from './position.ts';

const at = '2025-06-02T14:30:00.000Z';

function fill(side: 'buy' | 'sell', quantity: string, price: string): Fill {
  return { id: 'fill_1', orderId: 'ord_1', symbol: 'AAPL', side, quantity, price, commission: '1', filledAt: at, executionId: null };
}

function position(quantity: string, averagePrice: string, realizedPnl = '0'): Position {
  return { symbol: 'AAPL', quantity, averagePrice, realizedPnl, updatedAt: '2025-06-01T00:00:00.000Z' };
}

describe('applyFillToPosition', () => {
  it('opens a position at the fill price', () => {
    expect(applyFillToPosition(null, fill('buy', '10', '100.5'), at)).toEqual({ symbol: 'AAPL', quantity: '10', averagePrice: '100.5', realizedPnl: '0', updatedAt: at });
  });

  it('opens a short with a negative quantity', () => {
    expect(applyFillToPosition(null, fill('sell', '5', '20'), at)).toMatchObject({ quantity: '-5', averagePrice: '20' });
  });

  it('moves the average price to the weighted average when adding', () => {
    // (10 × 100 + 30 × 104) / 40 = 103
    expect(applyFillToPosition(position('10', '100'), fill('buy', '30', '104'), at)).toMatchObject({ quantity: '40', averagePrice: '103', realizedPnl: '0' });
    // (3 × 10 + 1 × 11) / 4 = 10.25 ; adding to a short works the same way
    expect(applyFillToPosition(position('-3', '10'), fill('sell', '1', '11'), at)).toMatchObject({ quantity: '-4', averagePrice: '10.25' });
  });

  it('books realized PnL on a partial reduction and keeps the average price', () => {
    expect(applyFillToPosition(position('10', '100', '5'), fill('sell', '4', '110.1'), at)).toMatchObject({ quantity: '6', averagePrice: '100', realizedPnl: '45.4' });
  });

  it('books a short cover as profit when the price fell', () => {
    expect(applyFillToPosition(position('-10', '50'), fill('buy', '10', '45'), at)).toMatchObject({ quantity: '0', averagePrice: '0', realizedPnl: '50' });
  });

  it('crosses through zero: closes the old side and opens the rest at the fill price', () => {
    // Sell 15 at 90 against long 10 at 100: realize 10 × (90 − 100) = −100, then short 5 at 90.
    expect(applyFillToPosition(position('10', '100'), fill('sell', '15', '90'), at)).toEqual({ symbol: 'AAPL', quantity: '-5', averagePrice: '90', realizedPnl: '-100', updatedAt: at });
  });

  it('stays exact with decimal prices', () => {
    const first = applyFillToPosition(null, fill('buy', '0.1', '0.2'), at);
    const second = applyFillToPosition(first, fill('buy', '0.2', '0.1'), at);
    // (0.1 × 0.2 + 0.2 × 0.1) / 0.3 = 0.04 / 0.3 = 0.13333333 (8 decimals, half-even)
    expect(second).toMatchObject({ quantity: '0.3', averagePrice: '0.13333333' });
  });

  it('refuses a fill for another symbol', () => {
    expect(() => applyFillToPosition(position('1', '1'), { ...fill('buy', '1', '1'), symbol: 'MSFT' }, at)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
