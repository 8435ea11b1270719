import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDeskError, type RiskLimits } from '../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import { createRiskLimitsStore, listRiskLimitChanges, type Database } from './index.ts';

const DEFAULTS: RiskLimits = { maxOrderNotional: '250000', maxPositionQuantity: '5000', restrictedSymbols: ['GME'] };

describe.each(testDatabaseKinds)('the risk limits store on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(kind);
  });
  afterAll(async () => db?.close());

  it('gives the defaults until limits are set, then the stored limits', async () => {
    const store = createRiskLimitsStore(db, DEFAULTS);
    expect(await store.getLimits()).toEqual(DEFAULTS);
    await store.setLimits({ ...DEFAULTS, maxOrderNotional: '50000.50' }, 'alice');
    expect(await store.getLimits()).toEqual({ ...DEFAULTS, maxOrderNotional: '50000.5' });
    expect(await createRiskLimitsStore(db, { ...DEFAULTS, maxOrderNotional: '1' }).getLimits()).toEqual({ ...DEFAULTS, maxOrderNotional: '50000.5' });
  });

  it('logs every change with the old and new limits, who and when', async () => {
    const store = createRiskLimitsStore(db, DEFAULTS);
    await store.setLimits({ ...DEFAULTS, restrictedSymbols: ['gme', 'amc'] }, 'bob');
    const changes = await listRiskLimitChanges(db);
    expect(changes.map((change) => change.changedBy)).toEqual(['alice', 'bob']);
    expect(changes[0].old).toEqual(DEFAULTS);
    expect(changes[1]).toMatchObject({ old: { ...DEFAULTS, maxOrderNotional: '50000.5' }, new: { ...DEFAULTS, restrictedSymbols: ['GME', 'AMC'] } });
    expect(changes[1].changedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('refuses invalid limits and changes nothing', async () => {
    const store = createRiskLimitsStore(db, DEFAULTS);
    const before = await listRiskLimitChanges(db);
    const error = await store.setLimits({ ...DEFAULTS, maxOrderNotional: '-1' }, 'mallory').catch((caught: unknown) => caught);
    expect(isDeskError(error, 'invalid_input')).toBe(true);
    expect(await listRiskLimitChanges(db)).toHaveLength(before.length);
  });
});
