import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { Decimal, OrderRequestSchema, PositiveDecimalSchema, parseWith, type ExecutionStore, type IdSource, type MarketDataStore } from '../../../core/index.ts';
import { checkOrder, equityOf, killSwitchTrigger, signApproval } from '../../../tools/risk/index.ts';
import { handle } from '../../shared/index.ts';
import { orderFieldsInput, orderOutput } from '../../shared/order-input.ts';
import { turnKillSwitchOn, type KillSwitchDeps } from '../controls.ts';
import { loadAccountSnapshot, loadOrderMarket } from '../snapshot.ts';

export interface CheckOrderDeps extends KillSwitchDeps {
  bars: MarketDataStore;
  execution: ExecutionStore;
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
  lastPrice: z.string(),
  priceDate: z.string(),
  notional: z.string(),
  currentPosition: z.string(),
  equity: z.string(),
  startOfDayEquity: z.string(),
  equityHighWaterMark: z.string(),
  rules: z.array(ruleShape),
  violations: z.array(ruleShape),
  /** True when this check's daily-loss or drawdown failure turned the kill switch on. */
  killSwitchTripped: z.boolean(),
  cancelledOrders: z.number().int().nullable().optional(),
  approvalToken: z.string().optional(),
  approvalExpiresAt: z.string().optional(),
};

export function registerCheckOrderTool(server: McpServer, deps: CheckOrderDeps): void {
  server.registerTool(
    'check_order',
    {
      title: 'Pre-trade risk check',
      description:
        'Checks an order against every configured risk rule: kill switch, restricted list, market hours, order quantity and notional, price collar vs the last price, ' +
        'position (shares and % of equity), gross and net exposure, leverage, sector concentration, order rate, daily loss and drawdown. ' +
        'A denial is a result: approved=false with each violated rule, its limit and the measured value. A daily-loss or drawdown failure also turns the kill switch on. ' +
        'An approval carries approvalToken, bound to the exact order fields and valid for a few minutes; the broker refuses orders without it. Example: {"symbol":"AAPL","side":"buy","quantity":10}.',
      inputSchema: {
        ...orderFieldsInput,
        clientOrderId: z.string().optional().describe('Idempotency key; generated when absent'),
        referencePrice: PositiveDecimalSchema.optional().describe('Market orders: the price you expect to trade at (USD); defaults to the last close. Collared against the last close.'),
      },
      outputSchema: checkOrderOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
      // Records equity marks and may trip the kill switch; its approval is what lets an order through: trading scope.
      _meta: { 'desk/scope': 'trade' },
    },
    (input) => handle(async () => runCheck(input, deps)),
  );
}

async function runCheck(input: Record<string, unknown>, deps: CheckOrderDeps): Promise<Record<string, unknown>> {
  const { referencePrice, ...fields } = input as { referencePrice?: string };
  const order = parseWith(OrderRequestSchema, { ...fields, clientOrderId: (fields as { clientOrderId?: string }).clientOrderId ?? deps.ids.next('co') }, 'order');
  const limits = await deps.limits.getLimits();
  const { market, priceDate } = await loadOrderMarket(deps.bars, order, referencePrice);
  const account = await loadAccountSnapshot(deps, limits);
  const equity = equityOf(account);
  const marks = await deps.limits.recordEquity(equity.toString(), account.now);
  const killSwitch = await deps.limits.getKillSwitch();
  const snapshot = { ...account, startOfDayEquity: Decimal.from(marks.startOfDayEquity), equityHighWaterMark: Decimal.from(marks.highWaterMark), killSwitch };
  const result = checkOrder({ order, market, snapshot, limits });
  const trigger = killSwitch.active ? null : killSwitchTrigger(result);
  const tripped = trigger === null ? null : await turnKillSwitchOn(deps, trigger, `risk:${result.violations.find((rule) => rule.rule === 'daily_loss' || rule.rule === 'max_drawdown')!.rule}`);
  const base = {
    ...result,
    order: stripUndefined(result.order),
    lastPrice: market.lastPrice.toString(),
    priceDate,
    currentPosition: account.positions.find((position) => position.symbol === order.symbol)?.quantity.toString() ?? '0',
    equity: equity.toString(),
    startOfDayEquity: marks.startOfDayEquity,
    equityHighWaterMark: marks.highWaterMark,
    killSwitchTripped: tripped !== null,
    ...(tripped ? { cancelledOrders: tripped.cancelledOrders } : {}),
  };
  if (!result.approved) return base;
  const expiresAt = new Date(deps.clock.now().getTime() + deps.approvalTtlMs);
  const approvalToken = signApproval({ secret: deps.riskSecret, kind: 'risk', order, expiresAt });
  return { ...base, approvalToken, approvalExpiresAt: expiresAt.toISOString() };
}

function stripUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
