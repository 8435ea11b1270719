import { DeskError, RiskLimitsSchema, parseWith, type RiskLimitChange, type RiskLimits, type RiskLimitsStore } from '../core/index.ts';
import type { Database } from './database.ts';
import { killSwitchStore, recordEquity } from './risk-controls.ts';
import { LOCKS, inTransaction, isoTimestamp, jsonParam } from './sql.ts';

/**
 * Risk limits as one JSONB row; `defaults` apply until limits are first set, and to rules the
 * stored row does not have yet. Every setLimits appends (old, new, changed_by, changed_at, reason)
 * to risk_limit_changes in the same transaction; `old` is what was in effect, defaults included.
 * Also holds the kill switch (with its own change log) and the equity marks.
 *
 * @example
 * const limits = createRiskLimitsStore(db, defaults);
 * await limits.setLimits({ ...(await limits.getLimits()), maxOrderNotional: '50000' }, 'alice', 'smaller book');
 */
export function createRiskLimitsStore(db: Database, defaults: RiskLimits): RiskLimitsStore {
  const fallback = parseWith(RiskLimitsSchema, defaults, 'default risk limits');
  const killSwitch = killSwitchStore(db);
  return {
    getLimits: async () => {
      const result = await db.pool.query<{ limits: Partial<RiskLimits> }>('SELECT limits FROM risk_limits');
      // A rule added after the limits were stored takes its default until someone sets it.
      return result.rows.length > 0 ? parseWith(RiskLimitsSchema, { ...fallback, ...result.rows[0].limits }, 'stored risk limits') : fallback;
    },
    setLimits: async (limits, changedBy, reason) => {
      const next = parseWith(RiskLimitsSchema, limits, 'risk limits');
      if (changedBy.trim() === '') throw new DeskError('invalid_input', 'changedBy must name who changes the risk limits', { field: 'changedBy' });
      await inTransaction(db.pool, LOCKS.riskLimits, async (client) => {
        const current = await client.query<{ limits: Partial<RiskLimits> }>('SELECT limits FROM risk_limits');
        const previous = current.rows.length > 0 ? { ...fallback, ...current.rows[0].limits } : fallback;
        await client.query(
          `INSERT INTO risk_limits (id, limits, updated_by, updated_at) VALUES (true, $1::jsonb, $2, now())
           ON CONFLICT (id) DO UPDATE SET limits = EXCLUDED.limits, updated_by = EXCLUDED.updated_by, updated_at = now()`,
          [jsonParam(next), changedBy]);
        await client.query('INSERT INTO risk_limit_changes (old_limits, new_limits, changed_by, reason) VALUES ($1::jsonb, $2::jsonb, $3, $4)',
          [jsonParam(previous), jsonParam(next), changedBy, reason ?? null]);
      });
    },
    listLimitChanges: (options) => listRiskLimitChanges(db, options),
    getKillSwitch: killSwitch.get,
    setKillSwitch: killSwitch.set,
    listKillSwitchChanges: killSwitch.list,
    recordEquity: (equity, at) => recordEquity(db, equity, at),
  };
}

/**
 * The change log of the risk limits, oldest first (the latest `limit` entries when given).
 * @example (await listRiskLimitChanges(db)).at(-1)?.changedBy // 'alice'
 */
export async function listRiskLimitChanges(db: Database, options: { limit?: number } = {}): Promise<RiskLimitChange[]> {
  const result = await db.pool.query<{ old_limits: RiskLimits; new_limits: RiskLimits; changed_by: string; changed_at: Date; reason: string | null }>(
    'SELECT * FROM (SELECT id, old_limits, new_limits, changed_by, changed_at, reason FROM risk_limit_changes ORDER BY id DESC LIMIT $1) latest ORDER BY id',
    [options.limit ?? null]);
  return result.rows.map((row) => ({ old: row.old_limits, new: row.new_limits, changedBy: row.changed_by, changedAt: isoTimestamp(row.changed_at), reason: row.reason }));
}
