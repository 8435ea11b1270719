import { describe, expect, it } from 'vitest';
import { Decimal } from '../../core/index.ts';
import { parseRetryAfter } from './http.ts';
import { mapAlpacaStatus, orderRequestBody, toAccountSnapshot, toOrderSnapshot, toPositionSnapshot } from './wire.ts';

const filledOrder = {
  asset_class: 'us_equity', asset_id: 'b28f4066-5c6d-479b-a2af-85dc1a8f16fb', canceled_at: null, client_order_id: 'aad67d06-380d-4221-9eaa-168d6357ac42',
  created_at: '2022-10-14T15:28:33.474853941Z', expired_at: null, extended_hours: false, filled_at: '2022-10-14T15:28:33.575449967Z',
  filled_avg_price: '361.92', filled_qty: '10', id: '596b186f-69b7-423d-afd5-1fe50a3e3182', legs: [], limit_price: '362.4', order_class: 'simple',
  qty: '10', side: 'buy', status: 'filled', stop_price: null, submitted_at: '2022-10-14T15:28:33.473279212Z', symbol: 'SPY', time_in_force: 'day',
  trail_percent: null, trail_price: null, type: 'limit', updated_at: '2022-10-14T15:28:33.578185624Z',
};

describe('Alpaca wire format', () => {
  it('reads an order exactly as Alpaca sends it', () => {
    const snapshot = toOrderSnapshot(filledOrder);
    expect({ ...snapshot, quantity: snapshot.quantity.toString(), filledQuantity: snapshot.filledQuantity.toString(), averageFillPrice: snapshot.averageFillPrice?.toString(), limitPrice: snapshot.limitPrice?.toString() }).toEqual({
      brokerOrderId: '596b186f-69b7-423d-afd5-1fe50a3e3182', clientOrderId: 'aad67d06-380d-4221-9eaa-168d6357ac42', symbol: 'SPY', side: 'buy', type: 'limit',
      timeInForce: 'day', quantity: '10', filledQuantity: '10', averageFillPrice: '361.92', limitPrice: '362.4', stopPrice: null, status: 'filled', brokerStatus: 'filled',
      createdAt: '2022-10-14T15:28:33.474Z', updatedAt: '2022-10-14T15:28:33.578Z', filledAt: '2022-10-14T15:28:33.575Z',
    });
  });

  it('maps every Alpaca status to the desk status', () => {
    const none = Decimal.ZERO;
    const some = Decimal.from('3');
    expect(['new', 'accepted', 'pending_new', 'accepted_for_bidding', 'held', 'done_for_day', 'pending_cancel'].map((status) => mapAlpacaStatus(status as never, none)))
      .toEqual(['accepted', 'accepted', 'new', 'accepted', 'accepted', 'accepted', 'accepted']);
    expect(mapAlpacaStatus('done_for_day', some)).toBe('partially_filled');
    expect(mapAlpacaStatus('pending_cancel', some)).toBe('partially_filled');
    expect(mapAlpacaStatus('partially_filled', some)).toBe('partially_filled');
    expect(mapAlpacaStatus('canceled', some)).toBe('cancelled');
    expect(mapAlpacaStatus('replaced', none)).toBe('cancelled');
    expect(mapAlpacaStatus('expired', none)).toBe('expired');
    expect(mapAlpacaStatus('rejected', none)).toBe('rejected');
  });

  it('rounds an average fill price with more than 8 places half-even and keeps quantities exact', () => {
    const snapshot = toOrderSnapshot({ ...filledOrder, filled_qty: '3', qty: '3', filled_avg_price: '100.123456785', status: 'filled' });
    expect(snapshot.averageFillPrice?.toString()).toBe('100.12345678');
    expect(toOrderSnapshot({ ...filledOrder, filled_avg_price: '100.123456775' }).averageFillPrice?.toString()).toBe('100.12345678');
    expect(toOrderSnapshot({ ...filledOrder, filled_avg_price: '0.1000000051' }).averageFillPrice?.toString()).toBe('0.10000001');
    expect(() => toOrderSnapshot({ ...filledOrder, filled_qty: '0.123456789' })).toThrow(/filled_qty "0.123456789", not a decimal with at most 8 places/);
  });

  it('refuses a malformed order with parse_error naming the field', () => {
    expect(() => toOrderSnapshot({ ...filledOrder, status: 'teleported' })).toThrow(expect.objectContaining({ code: 'parse_error', message: expect.stringMatching(/status/) }));
    expect(() => toOrderSnapshot({ ...filledOrder, qty: null, notional: '500' })).toThrow(/notional order/);
  });

  it('reads a short position as a negative quantity and the account money as Decimals', () => {
    const position = toPositionSnapshot({ symbol: 'TSLA', qty: '-5', side: 'short', avg_entry_price: '250.10', market_value: '-1240.5' });
    expect([position.quantity.toString(), position.averageEntryPrice.toString(), position.marketValue?.toString()]).toEqual(['-5', '250.1', '-1240.5']);
    const account = toAccountSnapshot({ id: 'x', account_number: 'PA1', status: 'ACTIVE', currency: 'USD', cash: '98125.70', buying_power: '196251.4', equity: '100000.10', trading_blocked: false });
    expect([account.cash.toString(), account.buyingPower.toString(), account.equity.toString(), account.tradingBlocked]).toEqual(['98125.7', '196251.4', '100000.1', false]);
  });

  it('writes the order body with qty and prices as strings, and refuses a missing limit price', () => {
    expect(orderRequestBody({ clientOrderId: 'co_1', symbol: 'AAPL', side: 'sell', quantity: Decimal.from('2.5'), type: 'stop_limit', timeInForce: 'gtc', limitPrice: Decimal.from('180'), stopPrice: Decimal.from('181.5') }))
      .toEqual({ symbol: 'AAPL', qty: '2.5', side: 'sell', type: 'stop_limit', time_in_force: 'gtc', client_order_id: 'co_1', limit_price: '180', stop_price: '181.5' });
    expect(() => orderRequestBody({ clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: Decimal.from('1'), type: 'limit', timeInForce: 'day' }))
      .toThrow(expect.objectContaining({ code: 'invalid_input', message: 'limitPrice is required for a limit order' }));
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = new Date('2025-06-02T14:30:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 02 Jun 2025 14:30:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
