import { DeskError, type EquityMarks, type KillSwitchChange, type KillSwitchState } from '../core/index.ts';
import type { Database } from './database.ts';
import { LOCKS, decimalParam, decimalText, inTransaction, isoTimestamp } from './sql.ts';

const OFF: KillSwitchState = { active: false, reason: null, changedBy: null, changedAt: null };

interface SwitchRow { active: boolean; reason: string | null; changed_by: string; changed_at: Date }

/**
 * The kill switch as one row plus its append-only change log.
 * @example await killSwitch(db).set({ active: true, reason: 'fat finger', changedBy: 'alice', at: clock.now() });
 */
export function killSwitchStore(db: Database) {
  return {
    get: async (): Promise<KillSwitchState> => {
      const result = await db.pool.query<SwitchRow>('SELECT active, reason, changed_by, changed_at FROM risk_kill_switch');
      return result.rows.length === 0 ? OFF : stateFromRow(result.rows[0]);
    },
    set: async (change: { active: boolean; reason: string; changedBy: string; at: Date }): Promise<KillSwitchState> => {
      if (change.changedBy.trim() === '') throw new DeskError('invalid_input', 'changedBy must name who changes the kill switch', { field: 'changedBy' });
      if (change.reason.trim() === '') throw new DeskError('invalid_input', 'reason must say why the kill switch changes', { field: 'reason' });
      const values = [change.active, change.reason, change.changedBy, change.at];
      await inTransaction(db.pool, LOCKS.riskLimits, async (client) => {
        await client.query(
          `INSERT INTO risk_kill_switch (id, active, reason, changed_by, changed_at) VALUES (true, $1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET active = EXCLUDED.active, reason = EXCLUDED.reason, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at`, values);
        await client.query('INSERT INTO risk_kill_switch_changes (active, reason, changed_by, changed_at) VALUES ($1, $2, $3, $4)', values);
      });
      return { active: change.active, reason: change.reason, changedBy: change.changedBy, changedAt: change.at.toISOString() };
    },
    list: async (options: { limit?: number } = {}): Promise<KillSwitchChange[]> => {
      const result = await db.pool.query<SwitchRow>(
        'SELECT * FROM (SELECT id, active, reason, changed_by, changed_at FROM risk_kill_switch_changes ORDER BY id DESC LIMIT $1) latest ORDER BY id',
        [options.limit ?? null]);
      return result.rows.map((row) => ({ ...stateFromRow(row), changedBy: row.changed_by, changedAt: isoTimestamp(row.changed_at) }));
    },
  };
}

function stateFromRow(row: SwitchRow): KillSwitchState {
  return { active: row.active, reason: row.reason, changedBy: row.changed_by, changedAt: isoTimestamp(row.changed_at) };
}

/**
 * Record an equity observation and return the marks: the first equity of the UTC day is kept as
 * start-of-day equity, and the high-water mark only rises.
 *
 * @example await recordEquity(db, '1000000', clock.now()) // { day: '2025-06-02', startOfDayEquity: '1000000', highWaterMark: '1000000' }
 */
export async function recordEquity(db: Database, equity: string, at: Date): Promise<EquityMarks> {
  const value = decimalParam(equity, 'equity');
  if (Number.isNaN(at.getTime())) throw new DeskError('invalid_input', 'at must be a valid date', { field: 'at' });
  const day = at.toISOString().slice(0, 10);
  return inTransaction(db.pool, LOCKS.riskLimits, async (client) => {
    await client.query('INSERT INTO risk_equity_days (day, start_equity, recorded_at) VALUES ($1, $2, $3) ON CONFLICT (day) DO NOTHING', [day, value, at]);
    await client.query(
      `INSERT INTO risk_equity_peak (id, high_water_mark, recorded_at) VALUES (true, $1, $2)
       ON CONFLICT (id) DO UPDATE SET high_water_mark = EXCLUDED.high_water_mark, recorded_at = EXCLUDED.recorded_at
       WHERE EXCLUDED.high_water_mark > risk_equity_peak.high_water_mark`, [value, at]);
    const result = await client.query<{ start_equity: string; high_water_mark: string }>(
      'SELECT d.start_equity::text, p.high_water_mark::text FROM risk_equity_days d, risk_equity_peak p WHERE d.day = $1', [day]);
    return { day, startOfDayEquity: decimalText(result.rows[0].start_equity), highWaterMark: decimalText(result.rows[0].high_water_mark) };
  });
}
