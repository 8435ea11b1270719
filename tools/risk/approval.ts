import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Decimal, DeskError, type OrderRequest } from '../../core/index.ts';

/** Which gate signed: the risk check or the critic. */
export type ApprovalKind = 'risk' | 'critic';

export type ApprovalVerification = { valid: true } | { valid: false; reason: string };

const VERSION = 'v1';
const TOKEN_PATTERN = /^v1\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/;

/**
 * An HMAC-SHA256 approval bound to the kind, every field of the order and the expiry:
 * `v1.<expiresAtMs>.<base64url signature>`. Changing any field invalidates it.
 *
 * @example
 * const token = signApproval({ secret, kind: 'risk', order, expiresAt: new Date('2025-06-02T14:35:00Z') });
 * // 'v1.1748874900000.pa17oXfF...'
 */
export function signApproval(input: { secret: string; kind: ApprovalKind; order: OrderRequest; expiresAt: Date }): string {
  const expiresAtMs = input.expiresAt.getTime();
  if (!Number.isSafeInteger(expiresAtMs) || expiresAtMs < 0) {
    throw new DeskError('invalid_input', `expiresAt must be a valid date (got ${String(input.expiresAt)})`, { field: 'expiresAt' });
  }
  return `${VERSION}.${expiresAtMs}.${signature(input.secret, input.kind, input.order, expiresAtMs).toString('base64url')}`;
}

/**
 * Check a token against the order it should approve: malformed, signed for other fields, for
 * the other kind or with another key ("does not match the order's fields"), or expired.
 *
 * @example
 * verifyApproval({ secret, kind: 'risk', order, token, now: clock.now() }) // { valid: true }
 */
export function verifyApproval(input: { secret: string; kind: ApprovalKind; order: OrderRequest; token: string; now: Date }): ApprovalVerification {
  const match = TOKEN_PATTERN.exec(input.token);
  if (!match) return { valid: false, reason: 'token is malformed (expected v1.<expiry>.<signature>)' };
  const expiresAtMs = Number(match[1]);
  // Compare the canonical encodings, so an altered (yet equal-decoding) last character is refused too.
  const given = Buffer.from(match[2]);
  const expected = Buffer.from(signature(input.secret, input.kind, input.order, expiresAtMs).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { valid: false, reason: `token is not a valid ${input.kind} approval: its signature does not match the order's fields` };
  }
  if (input.now.getTime() >= expiresAtMs) {
    return { valid: false, reason: `token expired at ${new Date(expiresAtMs).toISOString()}` };
  }
  return { valid: true };
}

function signature(secret: string, kind: ApprovalKind, order: OrderRequest, expiresAtMs: number): Buffer {
  if (secret.length === 0) throw new DeskError('config_error', 'approval secret is empty', { field: 'secret' });
  return createHmac('sha256', secret).update(canonicalApproval(kind, order, expiresAtMs)).digest();
}

/**
 * The exact text that is signed: a JSON array of the kind, every order field (quantity, limit
 * and stop price in canonical decimal form, time in force with its default) and the expiry, so
 * no two orders share a text.
 *
 * @example canonicalApproval('risk', order, 1748874900000) // '["v1","risk","co_1","AAPL","buy","10","market",null,null,"day",1748874900000]'
 */
export function canonicalApproval(kind: ApprovalKind, order: OrderRequest, expiresAtMs: number): string {
  return JSON.stringify([
    VERSION,
    kind,
    order.clientOrderId,
    order.symbol.toUpperCase(),
    order.side,
    Decimal.from(order.quantity, 'quantity').toString(),
    order.type ?? 'market',
    order.limitPrice === undefined ? null : Decimal.from(order.limitPrice, 'limitPrice').toString(),
    order.stopPrice === undefined ? null : Decimal.from(order.stopPrice, 'stopPrice').toString(),
    order.timeInForce ?? 'day',
    expiresAtMs,
  ]);
}
