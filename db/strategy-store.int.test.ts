import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterIds, fixedClock, isDeskError, type StrategySpec, type StrategyStore } from '../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import { getStrategy, listStrategies, specHash } from '../tools/strategy/index.ts';
import { seedStrategies } from '../mcp-servers/backtest/library.ts';
import { createStrategyStore, type Database } from './index.ts';

/** The same spec with object keys in reverse order at every level. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reverseKeys(member)])) as T;
}

describe.each(testDatabaseKinds)('the strategy store on %s', (kind) => {
  let db: Database;
  let store: StrategyStore;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
    store = createStrategyStore(db, { clock: fixedClock('2026-02-02T10:00:00Z', 1000), ids: counterIds() });
  });
  afterAll(async () => db?.close());

  it('saves a new name as version 1, hashed as tools/strategy specHash hashes it', async () => {
    const spec = getStrategy('rsi_mean_reversion');
    const { version, created } = await store.save(spec, { author: 'strategy-agent', note: 'first cut' });
    expect(created).toBe(true);
    expect(version).toMatchObject({ name: 'rsi_mean_reversion', version: 1, parentId: null, specHash: specHash(spec), author: 'strategy-agent', note: 'first cut' });
    expect(version.id).toMatch(/^stv_/);
    expect(version.createdAt).toMatch(/^2026-02-02T10:00:0\d\.\d{3}Z$/);
    expect(version.spec).toEqual(spec);
  });

  it('returns the latest version for the same content, whatever its key order', async () => {
    const first = await store.get('rsi_mean_reversion');
    const again = await store.save(reverseKeys(getStrategy('rsi_mean_reversion')), { author: 'someone-else' });
    expect(again).toEqual({ version: first, created: false });
  });

  it('adds a version with its parent when the content changes, and finds each by id, name@version and name', async () => {
    const v1 = await store.get('rsi_mean_reversion@1');
    const changed: StrategySpec = { ...getStrategy('rsi_mean_reversion'), stops: { stopLoss: 0.05 } };
    const { version: v2, created } = await store.save(changed, { author: 'strategy-agent', note: 'add a 5% stop' });
    expect(created).toBe(true);
    expect(v2).toMatchObject({ version: 2, parentId: v1.id, specHash: specHash(changed) });
    expect(await store.get('rsi_mean_reversion')).toEqual(v2);
    expect(await store.get(v1.id)).toEqual(v1);
    expect(specHash((await store.get('rsi_mean_reversion@2')).spec)).toBe(v2.specHash);
    // Going back to the first content is a new version too: history is never rewritten.
    const back = await store.save(getStrategy('rsi_mean_reversion'), { author: 'strategy-agent' });
    expect(back.version).toMatchObject({ version: 3, parentId: v2.id, specHash: v1.specHash, note: null });
    expect((await store.list({ name: 'rsi_mean_reversion' })).map((entry) => entry.version)).toEqual([1, 2, 3]);
  });

  it('numbers concurrent saves of one name without gaps or duplicates', async () => {
    const variants = [5, 6, 7].map((period): StrategySpec => ({ ...getStrategy('sma_crossover'), name: 'race', parameters: { fast: { default: period, min: 1, max: 200, step: 1 }, slow: { default: 30, min: 2, max: 400, step: 1 } } }));
    const saved = await Promise.all([...variants, variants[0]].map((spec) => store.save(spec, { author: 'racer' })));
    const versions = await store.list({ name: 'race' });
    expect(versions.map((entry) => entry.version)).toEqual(Array.from({ length: versions.length }, (_, index) => index + 1));
    expect(saved.filter((entry) => entry.created)).toHaveLength(versions.length);
    expect(versions.length).toBeGreaterThanOrEqual(3);
    expect(versions.slice(1).every((entry, index) => entry.parentId === versions[index].id)).toBe(true);
  });

  it('seeds the built-in library as version 1 once, leaving refined names alone', async () => {
    const seeded = await seedStrategies(store, listStrategies());
    expect(seeded).toBe(listStrategies().length - 1); // rsi_mean_reversion was already stored
    expect(await seedStrategies(store, listStrategies())).toBe(0);
    const latest = await store.list();
    expect(latest.map((entry) => entry.name)).toEqual([...listStrategies().map((spec) => spec.name), 'race'].sort());
    expect(latest.find((entry) => entry.name === 'sma_crossover')).toMatchObject({ version: 1, author: 'library', note: 'built-in library' });
    expect(latest.find((entry) => entry.name === 'rsi_mean_reversion')?.version).toBe(3);
  });

  it('refuses an invalid spec or an empty author, and reports unknown references', async () => {
    const bad = await store.save({ ...getStrategy('macd_trend'), side: 'flat' } as unknown as StrategySpec, { author: 'x' }).catch((error: unknown) => error);
    expect(isDeskError(bad, 'invalid_input') && bad.message).toMatch(/side/);
    await expect(store.save(getStrategy('macd_trend'), { author: ' ' })).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'author' } });
    await expect(store.get('nope@4')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining("no stored strategy 'nope@4'") });
    await expect(store.get('never_saved')).rejects.toMatchObject({ code: 'not_found' });
  });
});
