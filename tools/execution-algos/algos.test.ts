import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { povChildQuantity, povSchedule } from './pov.ts';
import { twapSchedule } from './twap.ts';
import { vwapSchedule } from './vwap.ts';

const start = '2025-06-02T13:30:00.000Z';
const quantities = (children: Array<{ quantity: string }>) => children.map((child) => child.quantity);
const total = (children: Array<{ quantity: string }>) => children.reduce((sum, child) => sum + BigInt(child.quantity), 0n);

describe('TWAP', () => {
  it('spreads the remainder evenly in whole shares and releases one slice per interval', () => {
    const children = twapSchedule({ parentId: 'p1', quantity: '10', slices: 4, start, intervalMs: 60_000 });
    expect(children).toEqual([
      { childId: 'p1-1', sequence: 1, quantity: '2', releaseAt: '2025-06-02T13:30:00.000Z' },
      { childId: 'p1-2', sequence: 2, quantity: '3', releaseAt: '2025-06-02T13:31:00.000Z' },
      { childId: 'p1-3', sequence: 3, quantity: '2', releaseAt: '2025-06-02T13:32:00.000Z' },
      { childId: 'p1-4', sequence: 4, quantity: '3', releaseAt: '2025-06-02T13:33:00.000Z' },
    ]);
    expect(quantities(twapSchedule({ parentId: 'p', quantity: '1000', slices: 8, start, intervalMs: 1 }))).toEqual(Array(8).fill('125'));
  });

  it('leaves out empty slices when the parent is smaller than the slice count', () => {
    const children = twapSchedule({ parentId: 'p', quantity: '3', slices: 7, start, intervalMs: 60_000 });
    // ⌊3(k+1)/7⌋ − ⌊3k/7⌋ = 0,0,1,0,1,0,1 → released at minutes 2, 4, 6
    expect(children.map((child) => [child.childId, child.quantity, child.releaseAt.slice(11, 16)])).toEqual([['p-1', '1', '13:32'], ['p-2', '1', '13:34'], ['p-3', '1', '13:36']]);
  });

  it('always sums to the parent exactly (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.integer({ min: 1, max: 500 }), (quantity, slices) => {
      const children = twapSchedule({ parentId: 'p', quantity: quantity.toString(), slices, start, intervalMs: 1000 });
      const sizes = children.map((child) => BigInt(child.quantity));
      return total(children) === quantity && sizes.every((size) => size === quantity / BigInt(slices) || size === quantity / BigInt(slices) + 1n);
    }), { numRuns: 500 });
  });

  it('refuses fractional shares and bad slice counts', () => {
    expect(() => twapSchedule({ parentId: 'p', quantity: '10.5', slices: 2, start, intervalMs: 1 })).toThrow('quantity must be a whole number of shares > 0 (got 10.5)');
    expect(() => twapSchedule({ parentId: 'p', quantity: '10', slices: 0, start, intervalMs: 1 })).toThrow('slices must be a whole number >= 1 (got 0)');
    expect(() => twapSchedule({ parentId: 'p', quantity: '10', slices: 2, start: 'yesterday', intervalMs: 1 })).toThrow(/start must be an ISO-8601 instant/);
  });
});

describe('VWAP', () => {
  const buckets = (volumes: Array<number | string>) => volumes.map((volume, index) => ({ start: `2025-06-02T${String(13 + index).padStart(2, '0')}:30:00.000Z`, volume }));

  it('follows the volume profile', () => {
    const children = vwapSchedule({ parentId: 'v', quantity: '1000', profile: buckets([30, 20, 10, 15, 25]) });
    expect(quantities(children)).toEqual(['300', '200', '100', '150', '250']);
    expect(children[4].releaseAt).toBe('2025-06-02T17:30:00.000Z');
  });

  it('gives the shares left by rounding down to the largest remainders, earlier first on ties', () => {
    // 10 × 1/3 each: 3, 3, 3 and one left, all remainders equal → first bucket
    expect(quantities(vwapSchedule({ parentId: 'v', quantity: '10', profile: buckets([1, 1, 1]) }))).toEqual(['4', '3', '3']);
    // 7 × (0.5, 0.3, 0.2) = 3.5, 2.1, 1.4 → 3, 2, 1 and the largest remainder (0.5) takes the last share
    expect(quantities(vwapSchedule({ parentId: 'v', quantity: '7', profile: buckets(['0.5', '0.3', '0.2']) }))).toEqual(['4', '2', '1']);
    // an empty bucket gets no child
    expect(vwapSchedule({ parentId: 'v', quantity: '10', profile: buckets([1, 0, 1]) }).map((child) => child.releaseAt.slice(11, 13))).toEqual(['13', '15']);
  });

  it('always sums to the parent exactly (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 80 }), (quantity, volumes) => {
      fc.pre(volumes.some((volume) => volume > 0));
      return total(vwapSchedule({ parentId: 'v', quantity: quantity.toString(), profile: buckets(volumes) })) === quantity;
    }), { numRuns: 300 });
  });

  it('refuses an empty, all-zero or negative profile', () => {
    expect(() => vwapSchedule({ parentId: 'v', quantity: '10', profile: [] })).toThrow('profile must hold at least one bucket');
    expect(() => vwapSchedule({ parentId: 'v', quantity: '10', profile: buckets([0, 0]) })).toThrow('profile volumes must not all be 0');
    expect(() => vwapSchedule({ parentId: 'v', quantity: '10', profile: buckets([1, -2]) })).toThrow('profile[1].volume must be >= 0 (got -2)');
  });
});

describe('POV', () => {
  it('takes the participation of each interval, capped per child and by what remains', () => {
    const volumes = [12_345, 800, 5, 50_000, 3_000].map((volume, index) => ({ at: `2025-06-02T13:3${index}:00.000Z`, volume }));
    const { children, unscheduled } = povSchedule({ parentId: 'pov', quantity: '5000', participation: 0.1, maxChildQuantity: '2000', volumes });
    // ⌊1,234.5⌋ = 1,234; 80; ⌊0.5⌋ = 0 (no child); 5,000 capped at 2,000; 300 → 3,614 placed, 1,386 left
    expect(children.map((child) => [child.childId, child.quantity, child.releaseAt.slice(14, 16)])).toEqual([
      ['pov-1', '1234', '30'], ['pov-2', '80', '31'], ['pov-3', '2000', '33'], ['pov-4', '300', '34'],
    ]);
    expect(unscheduled).toBe('1386');
    expect(povChildQuantity({ participation: 0.25 }, 1_000, 100n)).toBe(100n);
  });

  it('refuses a participation outside (0, 1)', () => {
    expect(() => povChildQuantity({ participation: 1 }, 100, 10n)).toThrow('participation must be a fraction in (0, 1) (got 1)');
    expect(() => povChildQuantity({ participation: 0.1 }, -5, 10n)).toThrow('observedVolume must be >= 0 (got -5)');
  });
});
