import type pg from 'pg';
import { Decimal, DeskError } from '../core/index.ts';

/**
 * Advisory lock keys, as (namespace, key) pairs so they never collide with another
 * application's single-bigint locks on a shared server.
 */
export const LOCK_NAMESPACE = 0x4445534b; // 'DESK'
export const LOCKS = { migrations: 1, execution: 2, decisions: 3, verdicts: 4, riskLimits: 5, paperVenue: 7 } as const;

/**
 * Run `work` inside BEGIN … COMMIT on one pooled client, holding the transaction-scoped advisory
 * lock `lock` so that concurrent callers (in this or another process) run one after the other.
 * Any error rolls back and is rethrown.
 *
 * @example await inTransaction(db.pool, LOCKS.execution, (client) => client.query('...'))
 */
export async function inTransaction<T>(pool: pg.Pool, lock: number | null, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    if (lock !== null) await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, lock]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A failed ROLLBACK means the connection is unusable: hand it back as broken so the pool drops it.
    await client.query('ROLLBACK').catch((rollbackError: Error) => { broken = rollbackError; });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A timestamptz (parsed by pg as Date) as an ISO UTC string ending in Z. */
export function isoTimestamp(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/**
 * A numeric column (pg returns its exact text, e.g. '10.50000000') as a plain decimal string
 * without trailing zeros ('10.5'). Pure text work: the value never passes through a float.
 */
export function decimalText(value: string): string {
  if (!value.includes('.')) return value;
  const trimmed = value.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}

/** A decimal parameter, validated (no NaN, no exponent, at most 8 decimals) before it is written. */
export function decimalParam(value: string, field: string): string {
  return Decimal.from(value, field).toString();
}

/** `decimalParam` for a nullable column. */
export function nullableDecimalParam(value: string | null, field: string): string | null {
  return value === null ? null : decimalParam(value, field);
}

/** True when `error` is a PostgreSQL error with the given SQLSTATE (23505 = unique violation). */
export function hasSqlState(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** A JSON value as a text parameter for a `$n::jsonb` placeholder (pg would turn arrays into SQL arrays). */
export function jsonParam(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Wrap an unexpected database failure as DeskError('database_error'), keeping DeskErrors as they are. */
export function databaseError(what: string, error: unknown): DeskError {
  if (error instanceof DeskError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DeskError('database_error', `${what}: ${message}`, {}, { cause: error });
}
