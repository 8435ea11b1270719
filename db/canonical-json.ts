/**
 * Canonical JSON: the JSON.stringify value model (toJSON, undefined and functions dropped from
 * objects and turned into null in arrays, non-finite numbers as null) with object keys sorted by
 * code unit and no whitespace. Two values that mean the same JSON give the same text, whatever
 * their key order, so the decision log can hash what a row says rather than how it was built.
 *
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return serialise(value) ?? 'null';
}

function serialise(value: unknown): string | undefined {
  const plain = hasToJson(value) ? value.toJSON() : value;
  if (plain === null) return 'null';
  switch (typeof plain) {
    case 'string':
    case 'boolean':
      return JSON.stringify(plain);
    case 'number':
      return Number.isFinite(plain) ? JSON.stringify(plain) : 'null';
    case 'bigint':
      return plain.toString();
    case 'object':
      return Array.isArray(plain) ? serialiseArray(plain) : serialiseObject(plain as Record<string, unknown>);
    default:
      return undefined; // undefined, function, symbol: skipped like JSON.stringify does
  }
}

function serialiseArray(items: unknown[]): string {
  return `[${items.map((item) => serialise(item) ?? 'null').join(',')}]`;
}

function serialiseObject(record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = serialise(record[key]);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
