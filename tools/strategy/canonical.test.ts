import { describe, expect, it } from 'vitest';
import { canonicalJson, specHash } from './canonical.ts';
import { getStrategy, listStrategies } from './library/index.ts';

/** The same value with object keys in reverse order at every level. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reverseKeys(member)]));
}

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], e: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('refuses numbers JSON cannot represent', () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(expect.objectContaining({ code: 'invalid_number' }));
  });
});

describe('specHash', () => {
  it('is a 64-character hex SHA-256 that key order does not change', () => {
    const spec = getStrategy('bollinger_breakout');
    const hash = specHash(spec);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(reverseKeys(spec))).not.toBe(JSON.stringify(spec));
    expect(specHash(reverseKeys(spec))).toBe(hash);
  });

  it('changes with any change of meaning and differs between built-ins', () => {
    const spec = getStrategy('sma_crossover');
    const changed = { ...spec, parameters: { ...spec.parameters, fast: { ...spec.parameters.fast, default: 11 } } };
    expect(specHash(changed)).not.toBe(specHash(spec));
    expect(new Set(listStrategies().map(specHash)).size).toBe(listStrategies().length);
  });

  it('is pinned for a small literal, so the scheme cannot drift silently', () => {
    // printf '%s' '{"a":1,"b":[true,null]}' | sha256sum
    expect(specHash({ b: [true, null], a: 1 })).toBe('1cc69c7fa23616ca2ec3ee70d24390a6225c8832db8a4c814c7e0e7f942f8668');
  });
});
