import { describe, expect, it } from 'vitest';
import { parseWith } from '../validation.ts';
import { OrderRequestSchema } from './orders.ts';

const base = { clientOrderId: 'co_1', symbol: 'aapl', side: 'buy', quantity: '10' };
const parse = (fields: Record<string, unknown>) => parseWith(OrderRequestSchema, { ...base, ...fields }, 'order');

describe('OrderRequestSchema', () => {
  it('accepts each order type with exactly the prices it needs', () => {
    expect(parse({})).toEqual({ ...base, symbol: 'AAPL', type: 'market' });
    expect(parse({ type: 'limit', limitPrice: 99.5 })).toMatchObject({ type: 'limit', limitPrice: '99.5' });
    expect(parse({ type: 'stop', stopPrice: '101', timeInForce: 'gtc' })).toMatchObject({ type: 'stop', stopPrice: '101', timeInForce: 'gtc' });
    expect(parse({ type: 'stop_limit', stopPrice: '101', limitPrice: '101.5' })).toMatchObject({ stopPrice: '101', limitPrice: '101.5' });
  });

  it.each([
    [{ type: 'limit' }, 'limitPrice: limitPrice is required when type is "limit"'],
    [{ type: 'stop' }, 'stopPrice: stopPrice is required when type is "stop"'],
    [{ type: 'stop_limit', stopPrice: '101' }, 'limitPrice: limitPrice is required when type is "stop_limit"'],
    [{ type: 'stop_limit' }, 'limitPrice: limitPrice is required when type is "stop_limit"; stopPrice: stopPrice is required when type is "stop_limit"'],
    [{ limitPrice: '99' }, 'limitPrice: limitPrice is not allowed when type is "market" (only for limit or stop_limit)'],
    [{ type: 'limit', limitPrice: '99', stopPrice: '98' }, 'stopPrice: stopPrice is not allowed when type is "limit" (only for stop or stop_limit)'],
    [{ type: 'stop', stopPrice: '99', limitPrice: '98' }, 'limitPrice: limitPrice is not allowed when type is "stop" (only for limit or stop_limit)'],
  ])('refuses %j naming the field', (fields, message) => {
    expect(() => parse(fields)).toThrow(`invalid order: ${message}`);
  });

  it('refuses bad prices, types and time in force', () => {
    expect(() => parse({ type: 'stop', stopPrice: '-1' })).toThrow(/stopPrice: must be greater than 0/);
    expect(() => parse({ type: 'stop', stopPrice: Number.NaN })).toThrow(/stopPrice/);
    expect(() => parse({ type: 'trailing_stop' })).toThrow(/type: /);
    expect(() => parse({ timeInForce: 'ioc' })).toThrow(/timeInForce: /);
  });
});
