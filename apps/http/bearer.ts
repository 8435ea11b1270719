import { timingSafeEqual } from 'node:crypto';

/** The token of an `Authorization: Bearer <token>` header ('' when absent). */
export function bearerToken(header: string | undefined): string {
  return header?.replace(/^Bearer\s+/i, '') ?? '';
}

/** Constant-time comparison of a presented secret with the expected one. */
export function sameSecret(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
