import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../core/index.ts';
import { canonicalApproval, signApproval, verifyApproval } from './approval.ts';

const decimalText = fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 9999 })).map(([whole, fraction]) => `${whole + (fraction === 0 ? 1 : 0)}.${fraction}`);
const orderArbitrary: fc.Arbitrary<OrderRequest> = fc.record({
  clientOrderId: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,20}$/),
  symbol: fc.stringMatching(/^[A-Z][A-Z0-9]{0,5}$/),
  side: fc.constantFrom('buy' as const, 'sell' as const),
  quantity: decimalText,
  limitPrice: fc.option(decimalText, { nil: undefined }),
}).map((order) => ({ ...order, type: order.limitPrice === undefined ? ('market' as const) : ('limit' as const) }));

/** One field of the order changed to another value. */
const changeArbitrary = fc.oneof(
  fc.record({ clientOrderId: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,20}$/) }),
  fc.record({ symbol: fc.stringMatching(/^[A-Z][A-Z0-9]{0,5}$/) }),
  fc.record({ side: fc.constantFrom('buy' as const, 'sell' as const) }),
  fc.record({ quantity: decimalText }),
  fc.record({ type: fc.constant('limit' as const), limitPrice: decimalText }),
  fc.record({ type: fc.constant('market' as const), limitPrice: fc.constant(undefined) }),
);

const EXPIRY = Date.parse('2025-06-02T14:35:00Z');

describe('approval tokens (property)', () => {
  it('verify for the exact order before expiry, never for a changed order, never at or after expiry', () => {
    fc.assert(
      fc.property(orderArbitrary, changeArbitrary, fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 3_600_000 }), fc.integer({ min: 0, max: 3_600_000 }), (order, change, secret, before, after) => {
        const token = signApproval({ secret, kind: 'risk', order, expiresAt: new Date(EXPIRY) });
        expect(verifyApproval({ secret, kind: 'risk', order, token, now: new Date(EXPIRY - before) })).toEqual({ valid: true });
        expect(verifyApproval({ secret, kind: 'risk', order, token, now: new Date(EXPIRY + after) }).valid).toBe(false);
        expect(verifyApproval({ secret, kind: 'critic', order, token, now: new Date(EXPIRY - before) }).valid).toBe(false);
        const changed = { ...order, ...change };
        // A change that canonicalizes to the same order ("1.50" vs "1.5") is the same order.
        fc.pre(canonicalApproval('risk', changed, EXPIRY) !== canonicalApproval('risk', order, EXPIRY));
        expect(verifyApproval({ secret, kind: 'risk', order: changed, token, now: new Date(EXPIRY - before) }).valid).toBe(false);
      }),
      { numRuns: 10_000, seed: 4242 },
    );
  });
});
