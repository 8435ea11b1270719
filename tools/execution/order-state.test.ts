import { describe, expect, it } from 'vitest';
import { OrderStatusSchema, type OrderStatus } from '../../core/index.ts';
import { assertTransition, canTransition, isOpenStatus, ORDER_TRANSITIONS } from './order-state.ts';

const statuses = OrderStatusSchema.options;
const legal: Array<[OrderStatus, OrderStatus]> = [
  ['new', 'accepted'], ['new', 'partially_filled'], ['new', 'filled'], ['new', 'cancelled'], ['new', 'rejected'], ['new', 'expired'],
  ['accepted', 'partially_filled'], ['accepted', 'filled'], ['accepted', 'cancelled'], ['accepted', 'rejected'], ['accepted', 'expired'],
  ['partially_filled', 'partially_filled'], ['partially_filled', 'filled'], ['partially_filled', 'cancelled'], ['partially_filled', 'expired'],
];
const isLegal = (from: OrderStatus, to: OrderStatus) => legal.some(([a, b]) => a === from && b === to);
const illegal = statuses.flatMap((from) => statuses.map((to) => [from, to] as [OrderStatus, OrderStatus])).filter(([from, to]) => !isLegal(from, to));

describe('order state transitions', () => {
  it('lists exactly the fifteen legal transitions', () => {
    const table = statuses.flatMap((from) => ORDER_TRANSITIONS[from].map((to) => [from, to]));
    expect(table).toEqual(legal);
    expect(illegal).toHaveLength(49 - 15);
  });

  it.each(legal)('allows %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition('ord_1', from, to)).not.toThrow();
  });

  it.each(illegal)('refuses %s -> %s with invalid_transition', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition('ord_1', from, to)).toThrow(expect.objectContaining({ code: 'invalid_transition', details: expect.objectContaining({ from, to }) }));
  });

  it('says what is allowed from the current status', () => {
    expect(() => assertTransition('ord_7', 'filled', 'cancelled')).toThrow('order ord_7 cannot go from filled to cancelled: filled is final');
    expect(() => assertTransition('ord_7', 'accepted', 'new')).toThrow('order ord_7 cannot go from accepted to new: from accepted it may become partially_filled, filled, cancelled, rejected, expired');
  });

  it('treats only new, accepted and partially_filled as open', () => {
    expect(statuses.filter(isOpenStatus)).toEqual(['new', 'accepted', 'partially_filled']);
  });
});
