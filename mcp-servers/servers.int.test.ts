import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../apps/runtime/servers.ts';
import { openTestDesk } from '../test-support/desk.ts';
import { connectInProcess } from './index.ts';

type Result = { isError?: boolean; structuredContent?: Record<string, any>; content: Array<{ type: string; text?: string }> };

describe('MCP servers over a real client (embedded database)', () => {
  let desk: Awaited<ReturnType<typeof openTestDesk>>;
  let risk: Client;
  let broker: Client;
  let oversight: Client;
  const call = async (client: Client, name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as Result;

  beforeAll(async () => {
    desk = await openTestDesk('embedded');
    risk = await connectInProcess(createServer('risk', desk.serverDeps), 'test');
    broker = await connectInProcess(createServer('broker', desk.serverDeps), 'test');
    oversight = await connectInProcess(createServer('oversight', desk.serverDeps), 'test');
  });
  afterAll(async () => desk?.close());

  it('lists tools with honest annotations', async () => {
    const { tools } = await broker.listTools();
    const place = tools.find((tool) => tool.name === 'place_order')!;
    expect(place.annotations).toMatchObject({ destructiveHint: true, readOnlyHint: false });
    expect(tools.find((tool) => tool.name === 'cancel_order')!.annotations).toMatchObject({ destructiveHint: true, readOnlyHint: false });
    expect(tools.filter((tool) => !['place_order', 'cancel_order'].includes(tool.name)).every((tool) => tool.annotations?.readOnlyHint === true)).toBe(true);
  });

  it('approves a small order with a token and denies a large one as a result, not an error', async () => {
    const small = await call(risk, 'check_order', { symbol: 'AAPL', side: 'buy', quantity: 5, clientOrderId: 'mcp-1' });
    expect(small.isError).toBeFalsy();
    expect(small.structuredContent).toMatchObject({ approved: true, order: { clientOrderId: 'mcp-1', quantity: '5' } });
    expect(small.structuredContent!.approvalToken).toMatch(/^v1\./);
    const large = await call(risk, 'check_order', { symbol: 'AAPL', side: 'buy', quantity: '1000000' });
    expect(large.structuredContent).toMatchObject({ approved: false });
    expect(large.structuredContent!.violations[0]).toMatchObject({ rule: 'max_order_notional', passed: false });
    expect(large.structuredContent!.approvalToken).toBeUndefined();
  });

  it('names the bad field of invalid input', async () => {
    const bad = await call(risk, 'check_order', { symbol: 'AAPL', side: 'buy', quantity: -3 });
    expect(bad.isError).toBe(true);
    expect(bad.content[0].text).toMatch(/quantity/);
    const unknown = await call(risk, 'check_order', { symbol: 'ZZZZ', side: 'buy', quantity: 1 });
    expect(unknown.isError).toBe(true);
    expect(unknown.content[0].text).toMatch(/ZZZZ/);
  });

  it('refuses place_order without a genuine critic approval and sends nothing', async () => {
    const checked = await call(risk, 'check_order', { symbol: 'MSFT', side: 'buy', quantity: 2, clientOrderId: 'mcp-2' });
    const riskToken = checked.structuredContent!.approvalToken;
    const order = { clientOrderId: 'mcp-2', symbol: 'MSFT', side: 'buy', quantity: '2', type: 'market' };
    const forged = await call(broker, 'place_order', { ...order, riskToken, criticToken: riskToken });
    expect(forged.isError).toBe(true);
    expect(forged.content[0].text).toMatch(/approval_invalid: critic/);
    const selfSigned = await call(oversight, 'approve_order', { ...order, riskToken, threadId: 'nope', verdictId: 'vrd_x' });
    expect(selfSigned.isError).toBe(true);
    expect(selfSigned.content[0].text).toMatch(/no critic verdict/);
    expect(await desk.serverDeps.execution.getOrderByClientId('mcp-2')).toBeNull();
  });

  it('refuses a risk token reused for a changed order', async () => {
    const checked = await call(risk, 'check_order', { symbol: 'MSFT', side: 'buy', quantity: 2, clientOrderId: 'mcp-3' });
    const changed = await call(broker, 'place_order', { clientOrderId: 'mcp-3', symbol: 'MSFT', side: 'buy', quantity: '200', riskToken: checked.structuredContent!.approvalToken, criticToken: 'v1.0.x' });
    expect(changed.isError).toBe(true);
    expect(changed.content[0].text).toMatch(/approval_invalid/);
    expect(await desk.serverDeps.execution.getOrderByClientId('mcp-3')).toBeNull();
  });
});
