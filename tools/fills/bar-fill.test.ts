import { describe, expect, it } from 'vitest';
import { matchOrderOnBar, type RestingOrder } from './bar-fill.ts';

const bar = { open: 100, high: 105, low: 95, close: 102 };

function match(order: RestingOrder, over = bar) {
  const result = matchOrderOnBar(order, over);
  return result.filled ? { price: result.price, triggered: result.triggered, gap: result.gap } : { price: null, triggered: result.triggered };
}

describe('matchOrderOnBar', () => {
  it('fills market orders at the open, or at the close when asked', () => {
    expect(matchOrderOnBar({ side: 'buy', type: 'market' }, bar).price).toBe(100);
    expect(matchOrderOnBar({ side: 'sell', type: 'market' }, bar, 'close').price).toBe(102);
  });

  it('fills a limit at the limit when the bar trades through it, at the open on a gap, and not at all otherwise', () => {
    expect(match({ side: 'buy', type: 'limit', limitPrice: 97 })).toEqual({ price: 97, triggered: false, gap: false });
    expect(match({ side: 'buy', type: 'limit', limitPrice: 101 })).toEqual({ price: 100, triggered: false, gap: true });
    expect(match({ side: 'buy', type: 'limit', limitPrice: 94.99 })).toEqual({ price: null, triggered: false });
    expect(match({ side: 'sell', type: 'limit', limitPrice: 104 })).toEqual({ price: 104, triggered: false, gap: false });
    expect(match({ side: 'sell', type: 'limit', limitPrice: 99 })).toEqual({ price: 100, triggered: false, gap: true });
    expect(match({ side: 'sell', type: 'limit', limitPrice: 105.01 })).toEqual({ price: null, triggered: false });
  });

  it('touching the limit exactly is a fill at the limit', () => {
    expect(match({ side: 'buy', type: 'limit', limitPrice: 95 })).toEqual({ price: 95, triggered: false, gap: false });
    expect(match({ side: 'sell', type: 'limit', limitPrice: 105 })).toEqual({ price: 105, triggered: false, gap: false });
  });

  it('fills a stop at the stop price when touched and at the (worse) open when the bar gaps through it', () => {
    expect(match({ side: 'buy', type: 'stop', stopPrice: 104 })).toEqual({ price: 104, triggered: true, gap: false });
    expect(match({ side: 'buy', type: 'stop', stopPrice: 98 })).toEqual({ price: 100, triggered: true, gap: true });
    expect(match({ side: 'buy', type: 'stop', stopPrice: 106 })).toEqual({ price: null, triggered: false });
    expect(match({ side: 'sell', type: 'stop', stopPrice: 96 })).toEqual({ price: 96, triggered: true, gap: false });
    expect(match({ side: 'sell', type: 'stop', stopPrice: 103 })).toEqual({ price: 100, triggered: true, gap: true });
    expect(match({ side: 'sell', type: 'stop', stopPrice: 94 })).toEqual({ price: null, triggered: false });
  });

  it('handles stop-limits: trigger, then a limit for the rest of the bar and later bars', () => {
    // Buy stop 103 limit 104: triggered inside the bar at 103, within the limit.
    expect(match({ side: 'buy', type: 'stop_limit', stopPrice: 103, limitPrice: 104 })).toEqual({ price: 103, triggered: true, gap: false });
    // Gap above the stop: open 100 >= stop 99; limit 101 is above the open, so it fills at the open.
    expect(match({ side: 'buy', type: 'stop_limit', stopPrice: 99, limitPrice: 101 })).toEqual({ price: 100, triggered: true, gap: true });
    // Gap above the stop and the limit 97: fills only if the bar comes back to 97 (low 95 does).
    expect(match({ side: 'buy', type: 'stop_limit', stopPrice: 99, limitPrice: 97 })).toEqual({ price: 97, triggered: true, gap: false });
    // Gap above the stop, limit below the low: triggered, not filled; next bar it is a limit.
    expect(match({ side: 'buy', type: 'stop_limit', stopPrice: 99, limitPrice: 94 })).toEqual({ price: null, triggered: true });
    expect(match({ side: 'buy', type: 'stop_limit', stopPrice: 99, limitPrice: 94, triggered: true }, { open: 95, high: 96, low: 93, close: 94 })).toEqual({ price: 94, triggered: true, gap: false });
    // Sell stop 96 limit 95.5: triggered at 96, within the limit.
    expect(match({ side: 'sell', type: 'stop_limit', stopPrice: 96, limitPrice: 95.5 })).toEqual({ price: 96, triggered: true, gap: false });
    // Not triggered at all.
    expect(match({ side: 'sell', type: 'stop_limit', stopPrice: 94, limitPrice: 93 })).toEqual({ price: null, triggered: false });
  });

  it('refuses orders without the prices their type needs', () => {
    expect(() => matchOrderOnBar({ side: 'buy', type: 'limit' }, bar)).toThrow(/limitPrice must be a positive finite price for a limit order/);
    expect(() => matchOrderOnBar({ side: 'buy', type: 'stop', stopPrice: Number.NaN }, bar)).toThrow(/stopPrice/);
    expect(() => matchOrderOnBar({ side: 'sell', type: 'stop_limit', stopPrice: 96 }, bar)).toThrow(/limitPrice/);
  });
});
