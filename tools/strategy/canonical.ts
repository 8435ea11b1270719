import { createHash } from 'node:crypto';
import { DeskError } from '../../core/index.ts';

/**
 * JSON with object keys sorted at every level and `undefined` members dropped, so two values
 * that mean the same thing serialise to the same string whatever their key order.
 *
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DeskError('invalid_number', `cannot hash a non-finite number (${value})`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  throw new DeskError('invalid_input', `cannot serialise a ${typeof value} to canonical JSON`);
}

/**
 * Content hash of a strategy spec: hex SHA-256 of its canonical JSON. Key order does not change
 * it; any change of meaning does. Use it to tell which spec produced a backtest or a decision.
 *
 * @example specHash(getStrategy('sma_crossover')) // '3f1c…' (64 hex characters)
 */
export function specHash(spec: unknown): string {
  return createHash('sha256').update(canonicalJson(spec)).digest('hex');
}
