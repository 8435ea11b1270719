import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { DeskError, type DecisionLog, type ExecutionStore, type RiskLimitsStore, type StrategyStore } from '../../core/index.ts';
import { seedStrategies } from '../backtest/library.ts';
import { listStrategies } from '../../tools/strategy/index.ts';

export interface DeskResourceDeps {
  execution: ExecutionStore;
  limits: RiskLimitsStore;
  decisions: DecisionLog;
  /** The strategy repository (seeded with the built-in library on first read). */
  strategies: StrategyStore;
}

const RECENT = 20;

function json(uri: URL, value: unknown): ReadResourceResult {
  return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }] };
}

/** A template variable as one string (the SDK gives string | string[]). */
function single(value: string | string[] | undefined, name: string): string {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) throw new DeskError('invalid_input', `the resource URI needs a ${name}`);
  return decodeURIComponent(text);
}

/**
 * Read-only resources of the combined desk server: what a client can attach to a conversation
 * without calling a tool. Decision-log text (agents' replies, tool results with news) is data.
 *
 * - desk://portfolio: positions and account; desk://limits: the risk limits in force
 * - desk://orders/recent and order://{id}
 * - desk://decisions/recent, decision://{id} (with its critic verdicts), thread://{threadId}
 * - strategy://{name}: the latest version of a strategy (or name@version, or a version id)
 */
export function registerDeskResources(server: McpServer, deps: DeskResourceDeps): void {
  server.registerResource(
    'portfolio',
    'desk://portfolio',
    { title: 'Positions and account', description: 'Current positions (quantity, average price, realized PnL) and the account (cash). Decimal strings.', mimeType: 'application/json' },
    async (uri) => json(uri, { positions: await deps.execution.getPositions(), account: await deps.execution.getAccount() }),
  );
  server.registerResource(
    'limits',
    'desk://limits',
    { title: 'Risk limits', description: 'The pre-trade limits every order is checked against.', mimeType: 'application/json' },
    async (uri) => json(uri, await deps.limits.getLimits()),
  );
  server.registerResource(
    'recent-orders',
    'desk://orders/recent',
    { title: 'Recent orders', description: `The latest ${RECENT} orders, newest first, with status and fills summary.`, mimeType: 'application/json' },
    async (uri) => json(uri, await deps.execution.listOrders({ limit: RECENT })),
  );
  server.registerResource(
    'order',
    new ResourceTemplate('order://{id}', {
      list: async () => ({ resources: (await deps.execution.listOrders({ limit: RECENT })).map((order) => ({ uri: `order://${order.id}`, name: `${order.side} ${order.quantity} ${order.symbol} (${order.status})` })) }),
    }),
    { title: 'Order', description: 'One order with its fills.', mimeType: 'application/json' },
    async (uri, variables) => {
      const id = single(variables.id, 'order id');
      const order = await deps.execution.getOrder(id);
      if (!order) throw new DeskError('not_found', `no order ${id}`);
      return json(uri, { order, fills: await deps.execution.listFills({ orderId: id }) });
    },
  );
  server.registerResource(
    'recent-decisions',
    'desk://decisions/recent',
    { title: 'Recent decisions', description: `The latest ${RECENT} agent decisions and critic verdicts of the append-only decision log.`, mimeType: 'application/json' },
    async (uri) => json(uri, await deps.decisions.listRecent(RECENT)),
  );
  server.registerResource(
    'decision',
    new ResourceTemplate('decision://{id}', {
      list: async () => ({ resources: (await deps.decisions.listRecent(RECENT)).decisions.map((entry) => ({ uri: `decision://${entry.id}`, name: `${entry.agent} ${entry.kind} (${entry.threadId})` })) }),
    }),
    { title: 'Decision', description: 'One decision of the log: agent, request, tool calls with arguments and results, output, model and tokens, hash, and its critic verdicts.', mimeType: 'application/json' },
    async (uri, variables) => {
      const id = single(variables.id, 'decision id');
      const found = await deps.decisions.getDecision(id);
      if (!found) throw new DeskError('not_found', `no decision ${id}`);
      return json(uri, found);
    },
  );
  server.registerResource(
    'thread',
    new ResourceTemplate('thread://{threadId}', {
      list: async () => {
        const threads = [...new Set((await deps.decisions.listRecent(RECENT)).decisions.map((entry) => entry.threadId))];
        return { resources: threads.map((threadId) => ({ uri: `thread://${encodeURIComponent(threadId)}`, name: `thread ${threadId}` })) };
      },
    }),
    { title: 'Thread decisions', description: 'Every decision and verdict of one conversation thread, in order.', mimeType: 'application/json' },
    async (uri, variables) => {
      const threadId = single(variables.threadId, 'thread id');
      const log = await deps.decisions.listByThread(threadId);
      if (log.decisions.length === 0) throw new DeskError('not_found', `no decisions in thread ${threadId}`);
      return json(uri, log);
    },
  );
  server.registerResource(
    'strategy',
    new ResourceTemplate('strategy://{name}', {
      list: async () => {
        await seedStrategies(deps.strategies, listStrategies());
        return { resources: (await deps.strategies.list()).map((entry) => ({ uri: `strategy://${entry.name}`, name: `${entry.name} v${entry.version}`, description: entry.spec.description })) };
      },
    }),
    { title: 'Strategy version', description: 'A stored strategy version: id, version, parent, spec hash, author and the declarative spec (JSON) that the backtest tools accept.', mimeType: 'application/json' },
    async (uri, variables) => {
      await seedStrategies(deps.strategies, listStrategies());
      return json(uri, await deps.strategies.get(single(variables.name, 'strategy name')));
    },
  );
}
