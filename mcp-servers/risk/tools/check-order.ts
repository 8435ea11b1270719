import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { Decimal, DeskError, OrderRequestSchema, parseWith, type Clock, type ExecutionStore, type IdSource, type MarketDataStore, type RiskLimitsStore } from '../../../core/index.ts';
import { checkOrder, signApproval } from '../../../tools/risk/index.ts';
import { handle } from '../../shared/index.ts';
import { orderFieldsInput, orderOutput } from '../../shared/order-input.ts';

export interface CheckOrderDeps {
  bars: MarketDataStore;
  execution: ExecutionStore;
  limits: RiskLimitsStore;
  clock: Clock;
  ids: IdSource;
  riskSecret: string;
  /** How long an approval stays valid. */
  approvalTtlMs: number;
}

const ruleShape = z.object({ rule: z.string(), passed: z.boolean(), limit: z.string(), measured: z.string(), message: z.string() });

export const checkOrderOutput = {
  approved: z.boolean(),
  order: orderOutput,
  referencePrice: z.string(),
  priceDate: z.string(),
  notional: z.string(),
  currentPosition: z.string(),
  rules: z.array(ruleShape),
  violations: z.array(ruleShape),
  approvalToken: z.string().optional(),
  approvalExpiresAt: z.string().optional(),
};

export function registerCheckOrderTool(server: McpServer, deps: CheckOrderDeps): void {
  server.registerTool(
    'check_order',
    {
      title: 'Pre-trade risk check',
      description:
        'Checks an order against every configured risk limit (max order notional, max position, restricted symbols) at the latest price. ' +
        'A denial is a result: approved=false with each violated rule, its limit and the measured value. An approval carries approvalToken, ' +
        'bound to the exact order fields and valid for a few minutes; the broker refuses orders without it. Example: {"symbol":"AAPL","side":"buy","quantity":10}.',
      inputSchema: { ...orderFieldsInput, clientOrderId: z.string().optional().describe('Idempotency key; generated when absent') },
      outputSchema: checkOrderOutput,
      annotations: { readOnlyHint: true, idempotentHint: false, openWorldHint: false },
      // Changes nothing, but its approval is what lets an order through: trading scope.
      _meta: { 'desk/scope': 'trade' },
    },
    (input) => handle(async () => runCheck(input, deps)),
  );
}

async function runCheck(input: Record<string, unknown>, deps: CheckOrderDeps): Promise<Record<string, unknown>> {
  const order = parseWith(OrderRequestSchema, { ...input, clientOrderId: input.clientOrderId ?? deps.ids.next('co') }, 'order');
  const latest = await deps.bars.latestClose(order.symbol);
  if (!latest) throw new DeskError('not_found', `no market price for symbol ${order.symbol}: it has no stored bars`, { field: 'symbol' });
  const referencePrice = Decimal.fromFloat(latest.close, 4, 'reference price');
  const position = (await deps.execution.getPositions()).find((entry) => entry.symbol === order.symbol);
  const currentPosition = Decimal.from(position?.quantity ?? '0');
  const result = checkOrder({ order, referencePrice, currentPosition, limits: await deps.limits.getLimits() });
  const base = { ...result, order: stripUndefined(result.order), priceDate: latest.date, currentPosition: currentPosition.toString() };
  if (!result.approved) return base;
  const expiresAt = new Date(deps.clock.now().getTime() + deps.approvalTtlMs);
  const approvalToken = signApproval({ secret: deps.riskSecret, kind: 'risk', order, expiresAt });
  return { ...base, approvalToken, approvalExpiresAt: expiresAt.toISOString() };
}

function stripUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
