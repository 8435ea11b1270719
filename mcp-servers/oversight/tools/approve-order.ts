import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DeskError, OrderRequestSchema, parseWith, type Clock, type DecisionLog, type OrderRequest } from '../../../core/index.ts';
import { signApproval, verifyApproval } from '../../../tools/risk/index.ts';
import { handle } from '../../shared/index.ts';
import { orderFieldsInput } from '../../shared/order-input.ts';

export interface ApproveOrderDeps {
  decisions: DecisionLog;
  clock: Clock;
  secrets: { risk: string; critic: string };
  approvalTtlMs: number;
}

/**
 * approve_order: the critic's signature on an order. It is issued only when the decision log
 * holds an "approve" verdict for the decision that proposed exactly this order, and the order
 * carries a valid risk approval — so neither a model nor an MCP client can mint one on its own.
 */
export function registerApproveOrderTool(server: McpServer, deps: ApproveOrderDeps): void {
  server.registerTool(
    'approve_order',
    {
      title: 'Critic approval for an order',
      description:
        'Issues the critic approval token for an order proposal that the critic approved in the decision log (verdictId) and that passed the risk check (riskToken). For the critic only.',
      inputSchema: {
        ...orderFieldsInput,
        clientOrderId: z.string(),
        threadId: z.string(),
        verdictId: z.string().describe('Id of the critic verdict that approved the proposal'),
        riskToken: z.string(),
      },
      outputSchema: { approvalToken: z.string(), expiresAt: z.string() },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ threadId, verdictId, riskToken, ...fields }) =>
      handle(async () => {
        const order = parseWith(OrderRequestSchema, fields, 'order');
        await requireApprovedProposal(deps.decisions, threadId, verdictId, order);
        const risk = verifyApproval({ secret: deps.secrets.risk, kind: 'risk', order, token: riskToken, now: deps.clock.now() });
        if (!risk.valid) throw new DeskError('approval_invalid', `risk approval: ${risk.reason}`, { field: 'riskToken' });
        const expiresAt = new Date(deps.clock.now().getTime() + deps.approvalTtlMs);
        return { approvalToken: signApproval({ secret: deps.secrets.critic, kind: 'critic', order, expiresAt }), expiresAt: expiresAt.toISOString() };
      }),
  );
}

async function requireApprovedProposal(log: DecisionLog, threadId: string, verdictId: string, order: OrderRequest): Promise<void> {
  const { decisions, verdicts } = await log.listByThread(threadId);
  const verdict = verdicts.find((entry) => entry.id === verdictId);
  if (!verdict) throw new DeskError('approval_invalid', `no critic verdict ${verdictId} in thread ${threadId}`, { field: 'verdictId' });
  if (verdict.verdict !== 'approve') throw new DeskError('approval_invalid', `critic verdict ${verdictId} is "${verdict.verdict}", not "approve"`, { field: 'verdictId' });
  const decision = decisions.find((entry) => entry.id === verdict.decisionId);
  const proposed = (decision?.output as { proposal?: Partial<OrderRequest> } | undefined)?.proposal;
  if (decision?.kind !== 'order-proposal' || !proposed) {
    throw new DeskError('approval_invalid', `verdict ${verdictId} does not approve an order proposal`, { field: 'verdictId' });
  }
  const same = proposed.clientOrderId === order.clientOrderId && proposed.symbol === order.symbol && proposed.side === order.side && proposed.quantity === order.quantity && (proposed.limitPrice ?? null) === (order.limitPrice ?? null)
    && (proposed.stopPrice ?? null) === (order.stopPrice ?? null) && (proposed.timeInForce ?? 'day') === (order.timeInForce ?? 'day');
  if (!same) throw new DeskError('approval_invalid', `order differs from the proposal approved by verdict ${verdictId}`, { field: 'clientOrderId' });
}
