/**
 * Crash-test child: runs the order-path workload against DATABASE_URL and SIGKILLs itself at the
 * DESK_CRASH_HIT-th (default first) pass through the probe point DESK_CRASH_POINT. Exits 0 when
 * the point was never reached, so the parent can tell a missed point from a crash.
 */
import pg from 'pg';
import type { ExecutionProbePoint } from '../../tools/execution/index.ts';
import { runWorkload, wireOrderPath } from './workload.ts';

const point = process.env.DESK_CRASH_POINT as ExecutionProbePoint | undefined;
const hit = Number(process.env.DESK_CRASH_HIT ?? '1');
let seen = 0;
const probe = (reached: ExecutionProbePoint) => {
  if (reached !== point) return;
  seen += 1;
  if (seen === hit) process.kill(process.pid, 'SIGKILL');
};

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
await runWorkload(wireOrderPath({ pool, kind: 'server', location: 'crash-test', vector: { enabled: false, reason: null }, close: () => pool.end() }, probe));
await pool.end();
