import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDeskError, type RiskLimits } from '../core/index.ts';
import { openTestDatabase, testDatabaseKinds } from '../test-support/databases.ts';
import { createRiskLimitsStore, listRiskLimitChanges, type Database } from './index.ts';

const at = (iso: string) => new Date(iso);

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
    expect(changes[1].reason).toBeNull();
  });

  it('logs the reason of a change and reads the latest changes through the port', async () => {
    const store = createRiskLimitsStore(db, DEFAULTS);
    await store.setLimits({ ...(await store.getLimits()), maxLeverage: '1.5', sectorMap: { AAPL: 'TECH' } }, 'carol', 'allow some margin');
    const [latest] = await store.listLimitChanges({ limit: 1 });
    expect(latest).toMatchObject({ changedBy: 'carol', reason: 'allow some margin', new: { maxLeverage: '1.5', sectorMap: { AAPL: 'TECH' } } });
    expect(latest.old.maxLeverage).toBeUndefined();
    expect(await store.getLimits()).toMatchObject({ maxLeverage: '1.5' });
  });

  it('refuses invalid limits and changes nothing', async () => {
    const store = createRiskLimitsStore(db, DEFAULTS);
    const before = await listRiskLimitChanges(db);
    const error = await store.setLimits({ ...DEFAULTS, maxOrderNotional: '-1' }, 'mallory').catch((caught: unknown) => caught);
    expect(isDeskError(error, 'invalid_input')).toBe(true);
    expect(await listRiskLimitChanges(db)).toHaveLength(before.length);
  });

  it('keeps the kill switch off until set, then logs every change with who, when and why', async () => {
    const store = createRiskLimitsStore(db, DEFAULTS);
    expect(await store.getKillSwitch()).toEqual({ active: false, reason: null, changedBy: null, changedAt: null });
    const on = await store.setKillSwitch({ active: true, reason: 'daily loss 6%', changedBy: 'risk:daily_loss', at: at('2025-06-02T15:00:00Z') });
    expect(on).toEqual({ active: true, reason: 'daily loss 6%', changedBy: 'risk:daily_loss', changedAt: '2025-06-02T15:00:00.000Z' });
    await store.setKillSwitch({ active: false, reason: 'reviewed', changedBy: 'alice', at: at('2025-06-02T16:00:00Z') });
    expect(await store.getKillSwitch()).toEqual({ active: false, reason: 'reviewed', changedBy: 'alice', changedAt: '2025-06-02T16:00:00.000Z' });
    expect((await store.listKillSwitchChanges()).map((change) => [change.active, change.changedBy])).toEqual([[true, 'risk:daily_loss'], [false, 'alice']]);
    expect(await store.listKillSwitchChanges({ limit: 1 })).toHaveLength(1);
  });

  it('refuses a kill switch change without a name or reason and logs nothing', async () => {
    const store = createRiskLimitsStore(db, DEFAULTS);
    const before = (await store.listKillSwitchChanges()).length;
    for (const change of [{ changedBy: ' ', reason: 'x' }, { changedBy: 'bob', reason: '' }]) {
      const error = await store.setKillSwitch({ active: true, at: at('2025-06-02T15:00:00Z'), ...change }).catch((caught: unknown) => caught);
      expect(isDeskError(error, 'invalid_input')).toBe(true);
    }
    expect(await store.listKillSwitchChanges()).toHaveLength(before);
  });

  it('keeps the first equity of each UTC day and a rising high-water mark', async () => {
    const store = createRiskLimitsStore(db, DEFAULTS);
    expect(await store.recordEquity('1000000', at('2025-06-02T14:00:00Z'))).toEqual({ day: '2025-06-02', startOfDayEquity: '1000000', highWaterMark: '1000000' });
    expect(await store.recordEquity('1010000.5', at('2025-06-02T15:00:00Z'))).toEqual({ day: '2025-06-02', startOfDayEquity: '1000000', highWaterMark: '1010000.5' });
    expect(await store.recordEquity('990000', at('2025-06-03T14:00:00Z'))).toEqual({ day: '2025-06-03', startOfDayEquity: '990000', highWaterMark: '1010000.5' });
    const error = await store.recordEquity('NaN', at('2025-06-03T15:00:00Z')).catch((caught: unknown) => caught);
    expect(isDeskError(error, 'invalid_number')).toBe(true);
  });
});
