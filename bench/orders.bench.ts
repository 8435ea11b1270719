import pg from 'pg';
import { counterIds, type Clock, type OrderRequest } from '../core/index.ts';
import { createExecutionStore, createPaperVenueStore, migrate, openDatabase, type Database } from '../db/index.ts';
import { checkBooks, createOrderManager, createPaperBroker } from '../tools/execution/index.ts';
import { signApproval } from '../tools/risk/index.ts';
import { createServerDatabase, dropServerDatabase } from '../test-support/server-databases.ts';
import { describeLatencies } from './stats.ts';

const SECRETS = { risk: 'bench-risk', critic: 'bench-critic' };
const SYMBOLS = ['AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOG'];

/**
 * Orders placed and filled through the paper broker with Postgres persistence (order + event,
 * venue order + execution, fill + event + position + cash + projection), one after another,
 * on the PostgreSQL server (target >= 2,000/s) and on embedded PGlite.
 */
export default async function bench(): Promise<void> {
  const server = await createServerDatabase().catch((error: Error) => {
    console.log(`PostgreSQL server: skipped (${error.message})`);
    return null;
  });
  if (server) {
    const db = await openDatabase({ url: server.url });
    try {
      await migrate(db);
      await measure('PostgreSQL server', db, Number(process.env.N ?? 3000));
    } finally {
      await db.close();
      await dropServerDatabase(server.name);
    }
  }
  const embedded = await openDatabase({ memory: true });
  try {
    await migrate(embedded);
    await measure('embedded PGlite', embedded, 1000);
  } finally {
    await embedded.close();
  }
}

async function measure(label: string, db: Database, count: number): Promise<void> {
  const clock: Clock = { now: () => new Date() };
  const store = createExecutionStore(db, { startingCash: '100000000' });
  const paper = createPaperBroker({
    venue: createPaperVenueStore(db), clock, latestBar: async () => ({ date: '2025-05-30', open: 99, high: 101, low: 98, close: 100, volume: 10_000_000 }),
    slippage: { kind: 'bps', bps: 1 }, commission: { kind: 'per_share', perShare: 0.005, minimum: 1 }, participationCap: 0.1,
  });
  const orders = createOrderManager({ store, broker: paper, clock, ids: counterIds(), approvalSecrets: SECRETS });
  const expiresAt = new Date(Date.now() + 3_600_000);
  const requests = Array.from({ length: count + 100 }, (_, index): OrderRequest => ({
    clientOrderId: `bench-${index}`, symbol: SYMBOLS[index % SYMBOLS.length], side: index % 3 === 2 ? 'sell' : 'buy', quantity: String(1 + (index % 7)), type: 'market',
  }));
  const tokens = requests.map((order) => ({
    threadId: null, riskToken: signApproval({ secret: SECRETS.risk, kind: 'risk', order, expiresAt }), criticToken: signApproval({ secret: SECRETS.critic, kind: 'critic', order, expiresAt }),
  }));
  for (let index = 0; index < 100; index += 1) await orders.placeOrder(requests[index], tokens[index]);
  const latencies: number[] = [];
  const started = performance.now();
  for (let index = 100; index < requests.length; index += 1) {
    const begun = performance.now();
    await orders.placeOrder(requests[index], tokens[index]);
    latencies.push(performance.now() - begun);
  }
  const seconds = (performance.now() - started) / 1000;
  const roundTrips = await countRoundTrips(db, () => orders.placeOrder(requests[0], tokens[0]).then(() => undefined), async () => {
    const request: OrderRequest = { ...requests[1], clientOrderId: 'bench-counted' };
    await orders.placeOrder(request, { threadId: null, riskToken: signApproval({ secret: SECRETS.risk, kind: 'risk', order: request, expiresAt }), criticToken: signApproval({ secret: SECRETS.critic, kind: 'critic', order: request, expiresAt }) });
  });
  const books = await checkBooks(store);
  console.log(`${label}: ${count} market orders placed and filled in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} orders/s; latency ${describeLatencies(latencies)}`);
  console.log(`${label}: ${roundTrips.fresh} database round trips per new order, ${roundTrips.duplicate} per repeated clientOrderId; books consistent with fills: ${books.consistent}`);
}

/** Count statements sent to the database while `work` runs, by wrapping pg's Client.prototype.query (every pooled connection, server or embedded). */
async function countRoundTrips(db: Database, duplicate: () => Promise<void>, fresh: () => Promise<void>): Promise<{ fresh: number; duplicate: number }> {
  let queries = 0;
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function counted(this: unknown, ...args: unknown[]) {
    queries += 1;
    return original.apply(this, args);
  };
  try {
    await duplicate();
    const duplicateCount = queries;
    queries = 0;
    await fresh();
    return { fresh: queries, duplicate: duplicateCount };
  } finally {
    prototype.query = original;
  }
}
