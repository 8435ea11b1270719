import { randomUUID } from 'node:crypto';
import { randomIds, type Clock, type OrderRequest } from '../../core/index.ts';
// Direct imports: the child starts often, and db/index.ts pulls in PGlite and the checkpointer.
import type { Database } from '../../db/database.ts';
import { createExecutionStore } from '../../db/execution-store.ts';
import { createPaperVenueStore } from '../../db/paper-venue-store.ts';
import { signApproval } from '../../tools/risk/index.ts';
import { createOrderManager, createPaperBroker, type ExecutionProbe, type OrderManager, type PaperBroker, type VenueBar } from '../../tools/execution/index.ts';

/**
 * The order path the crash tests kill and restart: a fixed sequence of placements, a new bar, a
 * reconciliation, a cancel and a sell, written so that running it again after a crash finishes
 * the work without doing any of it twice (every step is keyed by a clientOrderId or a bar date).
 */
export const SECRETS = { risk: 'crash-risk-key', critic: 'crash-critic-key' };
const LATEST: VenueBar = { date: '2025-05-30', open: 99, high: 101, low: 98, close: 100, volume: 200 };
const NEXT: VenueBar = { date: '2025-06-02', open: 96, high: 97, low: 94, close: 95, volume: 200 };

export const WORKLOAD_ORDERS: OrderRequest[] = [
  { clientOrderId: 'crash-m1', symbol: 'AAPL', side: 'buy', quantity: '10', type: 'market' },
  { clientOrderId: 'crash-m2', symbol: 'AAPL', side: 'buy', quantity: '30', type: 'market', timeInForce: 'gtc' },
  { clientOrderId: 'crash-l1', symbol: 'AAPL', side: 'buy', quantity: '5', type: 'limit', limitPrice: '95', timeInForce: 'gtc' },
  { clientOrderId: 'crash-s1', symbol: 'AAPL', side: 'sell', quantity: '5', type: 'stop', stopPrice: '90', timeInForce: 'gtc' },
];
const LATE_SELL: OrderRequest = { clientOrderId: 'crash-m3', symbol: 'AAPL', side: 'sell', quantity: '5', type: 'market' };
export const ALL_CLIENT_ORDER_IDS = [...WORKLOAD_ORDERS, LATE_SELL].map((order) => order.clientOrderId);

/** The desk's order path on `db`: Postgres books, the Postgres paper venue, a 10% volume cap. */
export function wireOrderPath(db: Database, probe?: ExecutionProbe): { orders: OrderManager; paper: PaperBroker } {
  const clock: Clock = { now: () => new Date() };
  const store = createExecutionStore(db, { startingCash: '100000' });
  const paper = createPaperBroker({
    venue: createPaperVenueStore(db), latestBar: async () => LATEST, clock, probe,
    slippage: { kind: 'bps', bps: 1 }, commission: { kind: 'per_share', perShare: 0.01, minimum: 1 }, participationCap: 0.1,
  });
  const orders = createOrderManager({ store, broker: paper, clock, ids: randomIds(randomUUID), approvalSecrets: SECRETS, probe });
  return { orders, paper };
}

/** Run (or finish) the workload: reconcile first, as the desk does on start. */
export async function runWorkload(path: { orders: OrderManager; paper: PaperBroker }): Promise<void> {
  const { orders, paper } = path;
  await orders.syncWithBroker();
  for (const request of WORKLOAD_ORDERS) await place(orders, request);
  await orders.applyVenueReports(await paper.processBar('AAPL', NEXT));
  await orders.syncWithBroker();
  const stop = await orders.placeOrder(WORKLOAD_ORDERS[3], approvals(WORKLOAD_ORDERS[3]));
  if (stop.order.status === 'accepted') await orders.cancelOrder(stop.order.id, 'crash test cancel');
  await place(orders, LATE_SELL);
}

async function place(orders: OrderManager, request: OrderRequest): Promise<void> {
  await orders.placeOrder(request, approvals(request));
}

function approvals(request: OrderRequest) {
  const expiresAt = new Date(Date.now() + 60_000);
  return {
    threadId: 'crash',
    riskToken: signApproval({ secret: SECRETS.risk, kind: 'risk', order: request, expiresAt }),
    criticToken: signApproval({ secret: SECRETS.critic, kind: 'critic', order: request, expiresAt }),
  };
}
