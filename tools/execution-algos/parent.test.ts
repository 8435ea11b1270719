import { describe, expect, it } from 'vitest';
import { addChildren, applyChildFill, cancelChild, createParentOrder, markChildSent, parentProgress } from './parent.ts';
import { twapSchedule } from './twap.ts';

const plan = twapSchedule({ parentId: 'p1', quantity: '10', slices: 4, start: '2025-06-02T13:30:00.000Z', intervalMs: 60_000 });
const fresh = () => createParentOrder({ parentId: 'p1', symbol: 'AAPL', side: 'buy', algorithm: 'twap', quantity: '10' }, plan);

describe('parent order tracking', () => {
  it('starts with everything planned and nothing sent or filled', () => {
    expect(parentProgress(fresh())).toEqual({ planned: '10', sent: '0', filled: '0', remaining: '10', unplanned: '0', averagePrice: null, completion: '0', done: false });
  });

  it('tracks sent and filled quantities, the average price and completion across children', () => {
    let parent = markChildSent(fresh(), 'p1-1');
    parent = applyChildFill(parent, 'p1-1', '2', '100');
    parent = markChildSent(parent, 'p1-2');
    parent = applyChildFill(parent, 'p1-2', '1', '101');
    expect(parent.children.map((child) => child.state)).toEqual(['filled', 'partially_filled', 'planned', 'planned']);
    // (2 × 100 + 1 × 101) / 3 = 100.333333333… → 100.33333333
    expect(parentProgress(parent)).toEqual({ planned: '10', sent: '5', filled: '3', remaining: '7', unplanned: '0', averagePrice: '100.33333333', completion: '0.3', done: false });
  });

  it('returns the unfilled part of a cancelled child to the parent, to be planned again', () => {
    let parent = markChildSent(fresh(), 'p1-2');
    parent = applyChildFill(parent, 'p1-2', '1', '101');
    parent = cancelChild(parent, 'p1-2');
    expect(parentProgress(parent)).toMatchObject({ planned: '7', sent: '1', filled: '1', remaining: '9', unplanned: '2' });
    parent = addChildren(parent, [{ childId: 'p1-5', sequence: 5, quantity: '2', releaseAt: '2025-06-02T13:34:00.000Z' }]);
    expect(parentProgress(parent).unplanned).toBe('0');
    expect(() => addChildren(parent, [{ childId: 'p1-6', sequence: 6, quantity: '1', releaseAt: '2025-06-02T13:35:00.000Z' }]))
      .toThrow("children of p1 would hold 11 shares, more than the parent's 10");
  });

  it('is done when every share filled', () => {
    let parent = fresh();
    for (const child of plan) parent = applyChildFill(markChildSent(parent, child.childId), child.childId, child.quantity, '50');
    expect(parentProgress(parent)).toMatchObject({ filled: '10', remaining: '0', averagePrice: '50', completion: '1', done: true });
  });

  it('refuses overfills, fills on unsent children, unknown children and a plan larger than the parent', () => {
    const sent = markChildSent(fresh(), 'p1-1');
    expect(() => applyChildFill(sent, 'p1-1', '3', '100')).toThrow('a fill of 3 would take child p1-1 to 3, above its 2');
    expect(() => applyChildFill(sent, 'p1-3', '1', '100')).toThrow('child p1-3 is planned; only a sent child can fill');
    expect(() => applyChildFill(sent, 'p1-9', '1', '100')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => applyChildFill(sent, 'p1-1', '0', '100')).toThrow('quantity must be > 0 (got 0)');
    expect(() => markChildSent(sent, 'p1-1')).toThrow('child p1-1 is sent, not planned');
    expect(() => createParentOrder({ parentId: 'p1', symbol: 'AAPL', side: 'buy', algorithm: 'twap', quantity: '9' }, plan)).toThrow(/would hold 10 shares, more than the parent's 9/);
  });
});
