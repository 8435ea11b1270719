import { describe, expect, it } from 'vitest';
import type { OrderRequest } from '../../core/index.ts';
import { canonicalApproval, signApproval, verifyApproval } from './approval.ts';

const secret = 'risk-secret';
const order: OrderRequest = { clientOrderId: 'co_1', symbol: 'AAPL', side: 'buy', quantity: '10', type: 'limit', limitPrice: '190.5' };
const expiresAt = new Date('2025-06-02T14:35:00.000Z');
const now = new Date('2025-06-02T14:30:00.000Z');
const token = signApproval({ secret, kind: 'risk', order, expiresAt });

describe('signApproval', () => {
  it('formats the token as v1.<expiry ms>.<base64url signature>', () => {
    expect(token).toMatch(/^v1\.1748874900000\.[A-Za-z0-9_-]{43}$/);
  });

  it('signs the same order identically', () => {
    expect(signApproval({ secret, kind: 'risk', order: { ...order }, expiresAt })).toBe(token);
  });

  it('normalizes decimals so "10" and "10.00" are the same order', () => {
    expect(verifyApproval({ secret, kind: 'risk', order: { ...order, quantity: '10.00', limitPrice: '190.50' }, token, now })).toEqual({ valid: true });
    expect(canonicalApproval('risk', order, 1)).toBe('["v1","risk","co_1","AAPL","buy","10","limit","190.5",null,"day",1]');
  });
});

describe('verifyApproval', () => {
  it('accepts the token for the order it was signed for', () => {
    expect(verifyApproval({ secret, kind: 'risk', order, token, now })).toEqual({ valid: true });
  });

  it.each([
    ['clientOrderId', { clientOrderId: 'co_2' }],
    ['symbol', { symbol: 'MSFT' }],
    ['side', { side: 'sell' as const }],
    ['quantity', { quantity: '11' }],
    ['type', { type: 'market' as const, limitPrice: undefined }],
    ['limitPrice', { limitPrice: '190.51' }],
    ['stopPrice', { type: 'stop_limit' as const, stopPrice: '191' }],
    ['timeInForce', { timeInForce: 'gtc' as const }],
  ])('refuses the token when %s changes', (_field, change) => {
    const result = verifyApproval({ secret, kind: 'risk', order: { ...order, ...change }, token, now });
    expect(result).toEqual({ valid: false, reason: expect.stringMatching(/does not match the order's fields/) });
  });

  it('refuses a token of the other kind', () => {
    const result = verifyApproval({ secret, kind: 'critic', order, token, now });
    expect(result).toEqual({ valid: false, reason: expect.stringMatching(/not a valid critic approval/) });
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyApproval({ secret: 'other', kind: 'risk', order, token, now }).valid).toBe(false);
  });

  it('refuses an expired token, including at the exact expiry', () => {
    expect(verifyApproval({ secret, kind: 'risk', order, token, now: expiresAt })).toEqual({ valid: false, reason: 'token expired at 2025-06-02T14:35:00.000Z' });
  });

  it('refuses a token whose expiry was edited', () => {
    const extended = token.replace(`.${expiresAt.getTime()}.`, `.${expiresAt.getTime() + 3_600_000}.`);
    expect(extended).not.toBe(token);
    expect(verifyApproval({ secret, kind: 'risk', order, token: extended, now }).valid).toBe(false);
  });

  it.each([[''], ['v1.token'], ['v2.1748874900000.abc'], ['v1.soon.' + 'a'.repeat(43)], [token + 'x']])('refuses malformed token %j', (bad) => {
    expect(verifyApproval({ secret, kind: 'risk', order, token: bad, now })).toEqual({ valid: false, reason: expect.stringMatching(/malformed/) });
  });

  it('refuses a token with an altered signature character', () => {
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(verifyApproval({ secret, kind: 'risk', order, token: token.slice(0, -1) + last, now }).valid).toBe(false);
  });
});
