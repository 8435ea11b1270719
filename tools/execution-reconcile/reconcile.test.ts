import { describe, expect, it } from 'vitest';
import { Decimal } from '../../core/index.ts';
import type { BrokerOrderSnapshot, BrokerPositionSnapshot } from '../broker-orders/index.ts';
import { reconcile } from './reconcile.ts';
import type { LocalOrderView } from './types.ts';

const at = '2025-06-02T14:30:00.000Z';

function local(clientOrderId: string, fields: Partial<LocalOrderView> = {}): LocalOrderView {
  return { clientOrderId, symbol: 'AAPL', side: 'buy', quantity: '10', filledQuantity: '0', averagePrice: null, status: 'accepted', createdAt: at, ...fields };
}

function broker(clientOrderId: string, fields: Partial<Omit<BrokerOrderSnapshot, 'quantity' | 'filledQuantity' | 'averageFillPrice'>> & { quantity?: string; filled?: string; average?: string } = {}): BrokerOrderSnapshot {
  const { quantity, filled, average, ...rest } = fields;
  return {
    brokerOrderId: `b-${clientOrderId}`, clientOrderId, symbol: 'AAPL', side: 'buy', type: 'market', timeInForce: 'day',
    quantity: Decimal.from(quantity ?? '10'), filledQuantity: Decimal.from(filled ?? '0'), averageFillPrice: average === undefined ? null : Decimal.from(average),
    limitPrice: null, stopPrice: null, status: 'accepted', brokerStatus: 'new', createdAt: at, updatedAt: at, filledAt: null, ...rest,
  };
}

const position = (symbol: string, quantity: string): BrokerPositionSnapshot => ({ symbol, quantity: Decimal.from(quantity), averageEntryPrice: Decimal.from('1'), marketValue: null });

describe('reconcile', () => {
  it('reports nothing when both sides agree', () => {
    const report = reconcile({
      localOrders: [local('co_1', { status: 'filled', filledQuantity: '10', averagePrice: '187.43' })],
      brokerOrders: [broker('co_1', { status: 'filled', brokerStatus: 'filled', filled: '10', average: '187.43' })],
      localPositions: [{ symbol: 'AAPL', quantity: '10' }],
      brokerPositions: [position('AAPL', '10')],
    });
    expect(report).toEqual({ differences: [], matchedOrders: 1, clean: true });
  });

  it('imports the fill of an order the store marked rejected after a lost answer, which also explains the position', () => {
    const report = reconcile({
      localOrders: [local('co_2', { status: 'rejected' })],
      brokerOrders: [broker('co_2', { status: 'filled', brokerStatus: 'filled', filled: '10', average: '187.43' })],
      localPositions: [],
      brokerPositions: [position('AAPL', '10')],
    });
    expect(report.differences).toEqual([
      {
        kind: 'fill_quantity_differs', clientOrderId: 'co_2', symbol: 'AAPL', local: 'rejected 0/10', broker: 'filled 10/10 @ 187.43',
        repairs: [{ action: 'import_broker_fill', quantity: '10', price: '187.43' }, { action: 'set_local_status', status: 'filled' }],
        reason: 'the broker filled 10 more than the store booked; import the fill',
      },
      {
        kind: 'position_differs', clientOrderId: null, symbol: 'AAPL', local: '0', broker: '10', repairs: [{ action: 'resolved_by_order_repairs' }],
        reason: 'the order repairs above move AAPL from 0 to the broker\'s 10',
      },
    ]);
  });

  it('prices the missing part of a fill exactly from the two averages', () => {
    // (10 × 101.05 − 3 × 100) / 7 = 710.5 / 7 = 101.5
    const report = reconcile({
      localOrders: [local('co_3', { status: 'partially_filled', filledQuantity: '3', averagePrice: '100' })],
      brokerOrders: [broker('co_3', { status: 'filled', filled: '10', average: '101.05' })],
      localPositions: [{ symbol: 'AAPL', quantity: '3' }], brokerPositions: [position('AAPL', '10')],
    });
    expect(report.differences[0].repairs).toEqual([{ action: 'import_broker_fill', quantity: '7', price: '101.5' }, { action: 'set_local_status', status: 'filled' }]);
    expect(report.differences[1].repairs).toEqual([{ action: 'resolved_by_order_repairs' }]);
  });

  it('closes a local order the broker never received as rejected, and flags one with booked fills', () => {
    const report = reconcile({
      localOrders: [local('co_new', { status: 'new' }), local('co_booked', { status: 'filled', filledQuantity: '10', averagePrice: '100' }), local('co_refused', { status: 'rejected' })],
      brokerOrders: [], localPositions: [{ symbol: 'AAPL', quantity: '10' }], brokerPositions: [],
    });
    expect(report.differences.map((difference) => [difference.kind, difference.clientOrderId, difference.repairs[0].action])).toEqual([
      ['missing_at_broker', 'co_new', 'mark_local_rejected'],
      ['missing_at_broker', 'co_booked', 'flag_for_human'],
      ['position_differs', null, 'flag_for_human'],
    ]);
    expect(report.differences[2].reason).toBe('AAPL: the store holds 10, the broker 0; -10 is unexplained by any order');
  });

  it('does not compare local orders older than the broker listing window', () => {
    const report = reconcile({ localOrders: [local('co_old', { status: 'new', createdAt: '2025-05-01T14:30:00.000Z' })], brokerOrders: [], localPositions: [], brokerPositions: [], brokerWindowStart: '2025-06-01T00:00:00.000Z' });
    expect(report.clean).toBe(true);
  });

  it('imports a broker order the store does not know, and counts its fills toward the position', () => {
    const report = reconcile({
      localOrders: [], brokerOrders: [broker('manual-1', { symbol: 'MSFT', side: 'sell', quantity: '5', filled: '5', average: '400', status: 'filled' })],
      localPositions: [], brokerPositions: [position('MSFT', '-5')],
    });
    expect(report.differences.map((difference) => [difference.kind, difference.repairs])).toEqual([
      ['missing_locally', [{ action: 'import_broker_order', brokerOrderId: 'b-manual-1' }]],
      ['position_differs', [{ action: 'resolved_by_order_repairs' }]],
    ]);
    expect(report.differences[0].reason).toBe('the broker holds order b-manual-1 (filled, 5 filled at 400) that the store does not know; import it');
  });

  it('adopts the broker final state, cancels at the broker what the desk cancelled, and flags an over-booked fill', () => {
    const report = reconcile({
      localOrders: [
        local('co_exp'), local('co_cxl', { status: 'cancelled' }), local('co_over', { status: 'filled', filledQuantity: '10', averagePrice: '100' }),
        local('co_ack', { status: 'new' }),
      ],
      brokerOrders: [
        broker('co_exp', { status: 'expired', brokerStatus: 'expired' }), broker('co_cxl'),
        broker('co_over', { status: 'cancelled', brokerStatus: 'canceled', filled: '8', average: '100' }), broker('co_ack'),
      ],
      localPositions: [{ symbol: 'AAPL', quantity: '10' }], brokerPositions: [position('AAPL', '8')],
    });
    expect(report.differences.map((difference) => [difference.kind, difference.clientOrderId, difference.repairs])).toEqual([
      ['status_differs', 'co_exp', [{ action: 'set_local_status', status: 'expired' }]],
      ['status_differs', 'co_cxl', [{ action: 'cancel_at_broker', brokerOrderId: 'b-co_cxl' }]],
      ['fill_quantity_differs', 'co_over', [{ action: 'flag_for_human' }]],
      ['status_differs', 'co_ack', [{ action: 'set_local_status', status: 'accepted' }]],
      ['position_differs', null, [{ action: 'flag_for_human' }]],
    ]);
    expect(report.matchedOrders).toBe(0);
  });

  it('flags an order whose fields differ under the same client order id', () => {
    const report = reconcile({ localOrders: [local('co_x')], brokerOrders: [broker('co_x', { quantity: '12' })], localPositions: [], brokerPositions: [] });
    expect(report.differences).toMatchObject([{ kind: 'fields_differ', repairs: [{ action: 'flag_for_human' }], reason: "the broker's order under co_x is buy 12 AAPL, the store's buy 10 AAPL" }]);
  });
});
