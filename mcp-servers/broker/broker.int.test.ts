import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../apps/runtime/servers.ts';
import type { OrderRequest } from '../../core/index.ts';
import { openTestDesk } from '../../test-support/desk.ts';
import { signApproval } from '../../tools/risk/index.ts';
import { connectInProcess } from '../index.ts';

type Result = { isError?: boolean; structuredContent?: Record<string, any>; content: Array<{ type: string; text?: string }> };

describe('the broker server over a real MCP client (embedded database)', () => {
  let desk: Awaited<ReturnType<typeof openTestDesk>>;
  let broker: Client;
  const call = async (name: string, args: Record<string, unknown>) => (await broker.callTool({ name, arguments: args })) as Result;
  const place = (order: OrderRequest) => {
    const expiresAt = new Date('2026-01-05T15:00:00Z');
    return call('place_order', {
      ...order, threadId: 'thread-b',
      riskToken: signApproval({ secret: desk.serverDeps.secrets.risk, kind: 'risk', order, expiresAt }),
      criticToken: signApproval({ secret: desk.serverDeps.secrets.critic, kind: 'critic', order, expiresAt }),
    });
  };

  beforeAll(async () => {
    desk = await openTestDesk('embedded');
    broker = await connectInProcess(createServer('broker', desk.serverDeps), 'test');
  });
  afterAll(async () => desk?.close());

  it('places a market order, shows it with its history, and reports its execution against the arrival price', async () => {
    const placed = await place({ clientOrderId: 'b-1', symbol: 'AAPL', side: 'buy', quantity: '3', type: 'market' });
    expect(placed.structuredContent).toMatchObject({ duplicate: false, order: { status: 'filled', filledQuantity: '3' } });
    const shown = await call('get_order', { orderId: 'b-1' });
    expect(shown.structuredContent!.events.map((event: { toStatus: string }) => event.toStatus)).toEqual(['new', 'filled']);
    const report = (await call('execution_report', { orderId: 'b-1' })).structuredContent!;
    const [summary] = report.orders;
    // Arrival = the latest close; the fill paid 2 bps slippage on it.
    expect(Number(summary.slippageBps)).toBeCloseTo(2, 1);
    expect(summary.commission).toBe(placed.structuredContent!.fills[0].commission);
    expect(report.totals.orders).toBe(1);
  });

  it('rests a limit order, lists it as open, cancels it once and refuses the second cancel', async () => {
    const placed = await place({ clientOrderId: 'b-2', symbol: 'AAPL', side: 'buy', quantity: '1', type: 'limit', limitPrice: '1', timeInForce: 'gtc' });
    expect(placed.structuredContent!.order.status).toBe('accepted');
    const open = await call('list_orders', { status: 'open' });
    expect(open.structuredContent!.orders.map((order: { clientOrderId: string }) => order.clientOrderId)).toEqual(['b-2']);
    const cancelled = await call('cancel_order', { orderId: 'b-2', reason: 'too low' });
    expect(cancelled.structuredContent!.order).toMatchObject({ status: 'cancelled', rejectReason: 'too low' });
    const again = await call('cancel_order', { orderId: 'b-2' });
    expect(again.isError).toBe(true);
    expect(again.content[0].text).toMatch(/is cancelled: only new, accepted, partially_filled orders can be cancelled/);
    expect((await call('list_orders', { symbol: 'AAPL', status: 'filled' })).structuredContent!.orders).toHaveLength(1);
  });

  it('refuses a stop price on a market order and an unknown order id, naming the field', async () => {
    const bad = await call('place_order', { clientOrderId: 'b-3', symbol: 'AAPL', side: 'buy', quantity: 1, stopPrice: 5, riskToken: 'x', criticToken: 'x' });
    expect(bad.isError).toBe(true);
    expect(bad.content[0].text).toMatch(/stopPrice: stopPrice is not allowed when type is "market"/);
    const missing = await call('get_order', { orderId: 'nope' });
    expect(missing.content[0].text).toMatch(/no order with id or clientOrderId nope/);
    expect((await call('execution_report', {})).content[0].text).toMatch(/give orderId, or a date range/);
  });
});
