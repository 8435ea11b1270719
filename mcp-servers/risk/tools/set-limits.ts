import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DeskError, RiskLimitsSchema, parseWith, type RiskLimits } from '../../../core/index.ts';
import { effectiveLimits, requireRole } from '../../../tools/risk/index.ts';
import { handle } from '../../shared/index.ts';
import { resolveCaller, type KillSwitchDeps } from '../controls.ts';
import { effectiveLimitsOutput } from '../limits-output.ts';

export const setLimitsInput = {
  changes: RiskLimitsSchema.partial().describe('Only the limits to change, e.g. {"maxOrderNotional":"50000","restrictedSymbols":["GME"]}; the rest stay'),
  reason: z.string().trim().min(3).max(500).describe('Why, for the change log, e.g. "smaller book after the loss on Tuesday"'),
};

export const setLimitsOutput = { limits: effectiveLimitsOutput, changedBy: z.string(), changed: z.array(z.string()) };

export function registerSetLimitsTool(server: McpServer, deps: Pick<KillSwitchDeps, 'limits' | 'localCaller'>): void {
  server.registerTool(
    'set_limits',
    {
      title: 'Change risk limits (admin)',
      description:
        'Changes some pre-trade limits; needs the admin role (an admin bearer scope over HTTP; the local CLI acts as admin). ' +
        'Every change is logged with who, when, the old and new limits and the reason. Setting the same values again changes nothing. ' +
        'Example: {"changes":{"maxOrderNotional":"50000"},"reason":"smaller book"}.',
      inputSchema: setLimitsInput,
      outputSchema: setLimitsOutput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
      _meta: { 'desk/scope': 'admin' },
    },
    (input, extra) =>
      handle(async () => {
        const caller = resolveCaller(extra.authInfo, deps);
        requireRole(caller, 'admin', 'set_limits');
        const current = await deps.limits.getLimits();
        const changes = Object.fromEntries(Object.entries(input.changes).filter(([, value]) => value !== undefined)) as Partial<RiskLimits>;
        if (Object.keys(changes).length === 0) throw new DeskError('invalid_input', 'changes must name at least one limit, e.g. {"maxOrderNotional":"50000"}', { field: 'changes' });
        const next = parseWith(RiskLimitsSchema, { ...current, ...changes }, 'risk limits');
        const effective = effectiveLimits(next);
        if (effective.sessionOpenUtc >= effective.sessionCloseUtc) {
          throw new DeskError('invalid_input', `sessionOpenUtc must be before sessionCloseUtc (got ${effective.sessionOpenUtc}-${effective.sessionCloseUtc})`, { field: 'sessionOpenUtc' });
        }
        await deps.limits.setLimits(next, caller.name, input.reason);
        return { limits: effective, changedBy: caller.name, changed: Object.keys(changes).sort() };
      }),
  );
}
