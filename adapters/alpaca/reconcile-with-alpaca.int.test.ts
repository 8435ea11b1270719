import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Decimal } from '../../core/index.ts';
import type { VenueOrderRequest } from '../../tools/broker-orders/index.ts';
import { reconcile, type LocalOrderView } from '../../tools/execution-reconcile/index.ts';
import { createAlpacaBroker } from './broker.ts';
import { startFakeAlpaca, type FakeAlpaca } from './fake-alpaca-server.ts';

const keys = { keyId: 'PKTESTKEY', secretKey: 'test-secret' };
const request = (clientOrderId: string, symbol: string, quantity: string): VenueOrderRequest => ({ clientOrderId, symbol, side: 'buy', quantity: Decimal.from(quantity), type: 'market', timeInForce: 'day' });
const stored = (clientOrderId: string, symbol: string, quantity: string, status: LocalOrderView['status']): LocalOrderView => ({
  clientOrderId, symbol, side: 'buy', quantity, filledQuantity: '0', averagePrice: null, status, createdAt: '2025-06-02T14:30:00.000Z',
});

describe('reconciling the store with Alpaca on start', () => {
  let fake: FakeAlpaca;
  beforeEach(async () => {
    fake = await startFakeAlpaca({ ...keys, prices: { AAPL: '187.43', MSFT: '410.5' }, partialFills: { MSFT: '4' } });
  });
  afterEach(() => fake.close());

  it('finds the fills of lost answers, the order that never left and a stranger, and explains the positions', async () => {
    const alpaca = createAlpacaBroker({ ...keys, baseUrl: fake.url });
    fake.inject({ route: 'POST /v2/orders', kind: 'drop' });
    await expect(alpaca.submitOrder(request('co_1', 'AAPL', '10'))).rejects.toMatchObject({ code: 'broker_unavailable' });
    await alpaca.submitOrder(request('co_2', 'MSFT', '10'));
    await alpaca.submitOrder(request('manual-1', 'AAPL', '1'));
    // What the store believes after a crash: co_1 was marked rejected, co_2 never got its answer booked, co_3 never left.
    const localOrders = [stored('co_1', 'AAPL', '10', 'rejected'), stored('co_2', 'MSFT', '10', 'accepted'), stored('co_3', 'AAPL', '5', 'new')];

    const report = reconcile({ localOrders, brokerOrders: await alpaca.listOrders({ status: 'all', limit: 500 }), localPositions: [], brokerPositions: await alpaca.positions() });
    expect(report.differences.map((difference) => [difference.kind, difference.clientOrderId ?? difference.symbol, difference.repairs])).toEqual([
      ['fill_quantity_differs', 'co_1', [{ action: 'import_broker_fill', quantity: '10', price: '187.43' }, { action: 'set_local_status', status: 'filled' }]],
      ['fill_quantity_differs', 'co_2', [{ action: 'import_broker_fill', quantity: '4', price: '410.5' }, { action: 'set_local_status', status: 'partially_filled' }]],
      ['missing_at_broker', 'co_3', [{ action: 'mark_local_rejected', reason: 'the broker has no order with this client order id: it never arrived' }]],
      ['missing_locally', 'manual-1', [{ action: 'import_broker_order', brokerOrderId: '00000000-0000-4000-8000-000000000003' }]],
      ['position_differs', 'AAPL', [{ action: 'resolved_by_order_repairs' }]],
      ['position_differs', 'MSFT', [{ action: 'resolved_by_order_repairs' }]],
    ]);
  });
});
