import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { Decimal, DeskError, IsoDateSchema, type ExecutionStore, type MarketDataStore, type Order } from '../../../core/index.ts';
import { executionTotals, summarizeExecution } from '../../../tools/execution/index.ts';
import { handle } from '../../shared/index.ts';
import { fillShape, readOnly } from './shapes.ts';

const summaryShape = z.object({
  orderId: z.string(), clientOrderId: z.string(), symbol: z.string(), side: z.string(), status: z.string(), quantity: z.string(), filledQuantity: z.string(),
  averagePrice: z.string().nullable(), notional: z.string(), commission: z.string(), arrivalPrice: z.string().nullable(), slippageBps: z.string().nullable(),
  slippageCost: z.string().nullable(), fills: z.array(fillShape),
});
const DAY_MS = 86_400_000;

/** execution_report: fills, average price, commissions and slippage vs arrival, per order and in total. */
export function registerExecutionReportTool(server: McpServer, deps: { execution: ExecutionStore; bars: MarketDataStore }): void {
  server.registerTool(
    'execution_report',
    {
      title: 'Execution report',
      description:
        'How orders were executed: fills, average price, commissions (USD) and slippage against the arrival price (the last close at or before the order ' +
        'was placed) in basis points and USD, positive = cost. Give orderId for one order, or from/to dates (YYYY-MM-DD, inclusive) for every order placed then.',
      inputSchema: {
        orderId: z.string().min(1).optional().describe('One order: its id or clientOrderId'),
        from: IsoDateSchema.optional().describe('First day, YYYY-MM-DD'),
        to: IsoDateSchema.optional().describe('Last day, YYYY-MM-DD'),
      },
      outputSchema: { orders: z.array(summaryShape), totals: z.object({ orders: z.number(), notional: z.string(), commission: z.string(), slippageCost: z.string() }) },
      annotations: readOnly,
    },
    (input) =>
      handle(async () => {
        const orders = await selectOrders(deps.execution, input);
        const summaries = await Promise.all(orders.map(async (order) => summarizeExecution(order, (await deps.execution.listFills({ orderId: order.id })).reverse(), await arrivalPrice(deps.bars, order))));
        return { orders: summaries, totals: executionTotals(summaries) };
      }),
  );
}

async function selectOrders(store: ExecutionStore, input: { orderId?: string; from?: string; to?: string }): Promise<Order[]> {
  if (input.orderId !== undefined) {
    const order = (await store.getOrder(input.orderId)) ?? (await store.getOrderByClientId(input.orderId));
    if (order === null) throw new DeskError('not_found', `no order with id or clientOrderId ${input.orderId}`, { field: 'orderId' });
    return [order];
  }
  if (input.from === undefined && input.to === undefined) throw new DeskError('invalid_input', 'give orderId, or a date range with from and/or to (YYYY-MM-DD)', { field: 'orderId' });
  const to = input.to === undefined ? undefined : new Date(Date.parse(`${input.to}T00:00:00Z`) + DAY_MS).toISOString();
  return (await store.listOrders({ from: input.from === undefined ? undefined : `${input.from}T00:00:00.000Z`, to, limit: 500 })).reverse();
}

/** The last close at or before the day the order was placed (within ten days), as 4-decimal text. */
async function arrivalPrice(bars: MarketDataStore, order: Order): Promise<string | null> {
  const day = order.createdAt.slice(0, 10);
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - 10 * DAY_MS).toISOString().slice(0, 10);
  const series = await bars.getBars(order.symbol, { from, to: day }).catch(() => null);
  if (series === null || series.close.length === 0) return null;
  return Decimal.fromFloat(series.close[series.close.length - 1], 4, 'arrival price').toString();
}
