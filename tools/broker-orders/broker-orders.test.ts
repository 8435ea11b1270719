import { describe, expect, it } from 'vitest';
import { Decimal } from '../../core/index.ts';
import { assertSameVenueOrder } from './same-order.ts';
import { isTerminalStatus, type BrokerOrderSnapshot } from './types.ts';
import { venueRequestFor } from './venue-request.ts';

const existing: BrokerOrderSnapshot = {
  brokerOrderId: 'b1', clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', type: 'limit', timeInForce: 'day', quantity: Decimal.from('10'), filledQuantity: Decimal.ZERO,
  averageFillPrice: null, limitPrice: Decimal.from('180'), stopPrice: null, status: 'accepted', brokerStatus: 'new', createdAt: '2025-06-02T14:30:00.000Z', updatedAt: '2025-06-02T14:30:00.000Z', filledAt: null,
};

describe('broker order helpers', () => {
  it('builds the venue request of a stored order with exact decimals', () => {
    const request = venueRequestFor({ clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: '10', type: 'limit', limitPrice: '180.00' });
    expect({ ...request, quantity: request.quantity.toString(), limitPrice: request.limitPrice?.toString() }).toEqual({
      clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: '10', type: 'limit', timeInForce: 'day', limitPrice: '180',
    });
    expect('limitPrice' in venueRequestFor({ clientOrderId: 'co_2', symbol: 'AAPL', side: 'sell', quantity: '1', type: 'market', limitPrice: null }, 'gtc')).toBe(false);
  });

  it('accepts the same order under a client order id and names the fields that differ', () => {
    const request = venueRequestFor({ clientOrderId: 'co_1', symbol: 'aapl', side: 'buy', quantity: '10.0', type: 'limit', limitPrice: '180' });
    expect(() => assertSameVenueOrder(existing, request, 'alpaca')).not.toThrow();
    expect(() => assertSameVenueOrder(existing, { ...request, side: 'sell', limitPrice: Decimal.from('181') }, 'alpaca'))
      .toThrow(expect.objectContaining({ code: 'conflict', message: 'clientOrderId co_1 is already used at alpaca by order b1 with different side, limitPrice' }));
  });

  it('knows which states are final', () => {
    expect(['new', 'accepted', 'partially_filled', 'filled', 'cancelled', 'rejected', 'expired'].filter((status) => isTerminalStatus(status as never))).toEqual(['filled', 'cancelled', 'rejected', 'expired']);
  });
});
