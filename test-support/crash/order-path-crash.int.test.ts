import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../core/index.ts';
import { createExecutionStore, migrate, openDatabase, type Database } from '../../db/index.ts';
import { checkBooks, type ExecutionProbePoint } from '../../tools/execution/index.ts';
import { createServerDatabase, dropServerDatabase } from '../server-databases.ts';
import { ALL_CLIENT_ORDER_IDS, runWorkload, wireOrderPath } from './workload.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CHILD = join(import.meta.dirname, 'child.ts');

/** Where to kill the child: [probe point, which pass through it]. 25 distinct crash points across placement, venue, booking, bars, reconciliation and cancel. */
const CRASH_POINTS: Array<[ExecutionProbePoint, number]> = [
  ['place:before-insert', 1], ['place:after-insert', 1], ['place:after-new-event', 1], ['place:after-store-commit', 1], ['place:after-store-commit', 3],
  ['venue:before-save', 1], ['venue:after-order-row', 1], ['venue:after-fill-row', 1], ['venue:after-commit', 1], ['venue:after-commit', 2],
  ['place:after-submit', 1], ['place:after-submit', 2], ['book:after-fill-insert', 1], ['book:after-fill-event', 1], ['book:after-position', 1],
  ['book:after-cash', 1], ['book:after-status-event', 1], ['book:before-commit', 1], ['book:after-commit', 1], ['venue-bar:after-fill-row', 1],
  ['venue-bar:after-fill-row', 2], ['venue-bar:after-commit', 1], ['sync:after-venue-report', 1], ['venue-cancel:after-commit', 1], ['cancel:after-venue', 1],
];

interface Snapshot {
  orders: Array<{ clientOrderId: string; status: string; filledQuantity: string; averagePrice: string | null }>;
  cash: string;
  positions: Array<{ symbol: string; quantity: string; averagePrice: string }>;
}

async function snapshot(db: Database): Promise<Snapshot> {
  const store = createExecutionStore(db, { startingCash: '100000' });
  const orders = (await store.listOrders()).map((order) => ({ clientOrderId: order.clientOrderId, status: order.status, filledQuantity: order.filledQuantity, averagePrice: order.averagePrice }));
  const positions = (await store.getPositions()).map((position) => ({ symbol: position.symbol, quantity: position.quantity, averagePrice: position.averagePrice }));
  return { orders: orders.sort((left, right) => left.clientOrderId.localeCompare(right.clientOrderId)), cash: (await store.getAccount()).cash, positions };
}

function runChild(url: string, point: ExecutionProbePoint, hit: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, DESK_CRASH_POINT: point, DESK_CRASH_HIT: String(hit) } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('exit', (code, signal) => done({ code, signal, stderr }));
  });
}

describe.skipIf(process.env.DESK_TEST_SKIP_SERVER === '1')('the order path killed with SIGKILL on the PostgreSQL server', () => {
  let name: string;
  let url: string;
  let db: Database;
  let expected: Snapshot;

  const reset = () => db.pool.query('TRUNCATE order_events, fills, orders, positions, account, paper_venue_fills, paper_venue_orders');

  beforeAll(async () => {
    ({ name, url } = await createServerDatabase());
    db = await openDatabase({ url });
    await migrate(db);
    await runWorkload(wireOrderPath(db));
    expected = await snapshot(db);
  });
  afterAll(async () => {
    await db?.close();
    if (name) await dropServerDatabase(name);
  });

  it('has a crash-free run to compare against: five orders, partial fills completed on the next bar, a cancelled stop', () => {
    expect(new Set(CRASH_POINTS.map(([point, hit]) => `${point}#${hit}`)).size).toBeGreaterThanOrEqual(20);
    expect(expected.orders.map((order) => [order.clientOrderId, order.status, order.filledQuantity])).toEqual([
      ['crash-l1', 'filled', '5'], ['crash-m1', 'filled', '10'], ['crash-m2', 'filled', '30'], ['crash-m3', 'filled', '5'], ['crash-s1', 'cancelled', '0'],
    ]);
  });

  it.each(CRASH_POINTS)('after a kill at %s (pass %i) and a restart, every order exists once on both sides and the books match the fills', async (point, hit) => {
    await reset();
    const crashed = await runChild(url, point, hit);
    expect(crashed).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });
    await runWorkload(wireOrderPath(db));
    const local = await db.pool.query<{ client_order_id: string; n: string }>('SELECT client_order_id, count(*) AS n FROM orders GROUP BY client_order_id ORDER BY 1');
    const venue = await db.pool.query<{ client_order_id: string; n: string }>('SELECT client_order_id, count(*) AS n FROM paper_venue_orders GROUP BY client_order_id ORDER BY 1');
    const once = [...ALL_CLIENT_ORDER_IDS].sort().map((id) => ({ client_order_id: id, n: '1' }));
    expect(local.rows).toEqual(once);
    expect(venue.rows).toEqual(once);
    const sides = await db.pool.query(
      `SELECT o.client_order_id, o.status, o.filled_quantity::text AS local_filled, v.status AS venue_status, v.filled_quantity::text AS venue_filled,
         (SELECT array_agg(execution_id ORDER BY execution_id) FROM fills f WHERE f.order_id = o.id) AS local_executions,
         (SELECT array_agg(execution_id ORDER BY execution_id) FROM paper_venue_fills vf WHERE vf.client_order_id = o.client_order_id) AS venue_executions
       FROM orders o JOIN paper_venue_orders v USING (client_order_id)`);
    for (const row of sides.rows) {
      expect([row.client_order_id, row.status, Decimal.from(row.local_filled).toString(), row.local_executions])
        .toEqual([row.client_order_id, row.venue_status, Decimal.from(row.venue_filled).toString(), row.venue_executions]);
    }
    const books = await checkBooks(createExecutionStore(db, { startingCash: '100000' }));
    expect(books.differences).toEqual([]);
    expect(await snapshot(db)).toEqual(expected);
  });
});
