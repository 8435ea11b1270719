import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../apps/runtime/servers.ts';
import { badNumber } from '../../tools/risk/test-fixtures.ts';
import { openTestDesk } from '../../test-support/desk.ts';
import { connectInProcess } from '../shared/index.ts';

describe('bad inputs to the risk server change nothing (property, embedded Postgres)', () => {
  let desk: Awaited<ReturnType<typeof openTestDesk>>;
  let admin: Client;
  const count = async (table: string) => Number((await desk.db.pool.query<{ count: string }>(`SELECT count(*) FROM ${table}`)).rows[0].count);
  const state = async () => ({
    limits: await desk.serverDeps.limits.getLimits(),
    limitChanges: await count('risk_limit_changes'),
    killSwitchChanges: await count('risk_kill_switch_changes'),
    equityDays: await count('risk_equity_days'),
    orders: await count('orders'),
  });

  beforeAll(async () => {
    desk = await openTestDesk('embedded');
    admin = await connectInProcess(createServer('risk', { ...desk.serverDeps, riskCaller: { name: 'alice', roles: ['admin'] } }), 'cli');
  });
  afterAll(async () => desk?.close());

  it('answers bad limits, orders and kill switch calls with errors and leaves every table as it was', async () => {
    const before = await state();
    const call = fc.oneof(
      fc.record({ name: fc.constant('set_limits'), field: fc.constantFrom('maxOrderNotional', 'maxLeverage', 'maxOrdersPerMinute', 'maxDailyLossFraction'), value: badNumber })
        .map(({ name, field, value }) => ({ name, arguments: { changes: { [field]: value }, reason: 'property test' } })),
      fc.record({ field: fc.constantFrom('quantity', 'limitPrice', 'referencePrice'), value: badNumber })
        .map(({ field, value }) => ({ name: 'check_order', arguments: { symbol: 'AAPL', side: 'buy', quantity: 1, type: 'limit', limitPrice: 100, [field]: value } })),
      fc.record({ symbol: fc.oneof(fc.constantFrom('ZZZZ', '', '1ABC', 'toolongsymbol12'), fc.integer()) })
        .map(({ symbol }) => ({ name: 'check_order', arguments: { symbol, side: 'buy', quantity: 1 } })),
      fc.record({ action: fc.oneof(fc.constantFrom('maybe', '', 'ON'), fc.integer()), reason: fc.option(fc.string({ maxLength: 2 }), { nil: undefined }) })
        .map(({ action, reason }) => ({ name: 'kill_switch', arguments: { action, reason } })),
    );
    await fc.assert(
      fc.asyncProperty(call, async (request) => {
        const result = (await admin.callTool(request)) as { isError?: boolean; content: Array<{ text?: string }> };
        expect(result.isError, JSON.stringify(request)).toBe(true);
        expect(result.content[0].text).toMatch(/\w+/);
      }),
      { numRuns: 300, seed: 99 },
    );
    expect(await state()).toEqual(before);
  });
});
