import type { StrategySpec, StrategyStore } from '../../core/index.ts';

/**
 * Save each spec (e.g. the built-in library) as version 1 of its name when that name has no version
 * yet; names already stored (perhaps refined since) are left alone. Returns how many were saved.
 * Safe to call on every start.
 *
 * @example await seedStrategies(strategies, listStrategies())
 */
export async function seedStrategies(store: StrategyStore, specs: readonly StrategySpec[], author = 'library'): Promise<number> {
  let created = 0;
  for (const spec of specs) {
    if ((await store.list({ name: spec.name })).length > 0) continue;
    if ((await store.save(spec, { author, note: 'built-in library' })).created) created++;
  }
  return created;
}
