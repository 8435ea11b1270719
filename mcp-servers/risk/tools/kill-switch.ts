import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { DeskError } from '../../../core/index.ts';
import { requireRole } from '../../../tools/risk/index.ts';
import { handle } from '../../shared/index.ts';
import { resolveCaller, turnKillSwitchOn, type KillSwitchDeps } from '../controls.ts';
import { killSwitchChangeOutput, killSwitchOutput } from '../limits-output.ts';

export const killSwitchInput = {
  action: z.enum(['on', 'off', 'status']).describe('"on" halts trading (trade role), "off" resumes it (admin role), "status" only reads'),
  reason: z.string().trim().min(3).max(500).optional().describe('Required for on and off, for the change log, e.g. "runaway agent"'),
};

export const killSwitchToolOutput = {
  killSwitch: killSwitchOutput,
  /** Open orders the order manager cancelled when the switch went on; null when none is wired. */
  cancelledOrders: z.number().int().nullable().optional(),
  recentChanges: z.array(killSwitchChangeOutput),
};

export function registerKillSwitchTool(server: McpServer, deps: KillSwitchDeps): void {
  server.registerTool(
    'kill_switch',
    {
      title: 'Kill switch',
      description:
        'Halts or resumes all trading. "on" (trade role) refuses every new order in check_order and cancels open orders; ' +
        '"off" needs the admin role; "status" reads the switch and its last changes. on and off need a reason. ' +
        'The switch also turns on by itself when the daily-loss or drawdown limit fails. Example: {"action":"on","reason":"runaway agent"}.',
      inputSchema: killSwitchInput,
      outputSchema: killSwitchToolOutput,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
      _meta: { 'desk/scope': 'trade' },
    },
    (input, extra) =>
      handle(async () => {
        const caller = resolveCaller(extra.authInfo, deps);
        if (input.action === 'status') return { killSwitch: await deps.limits.getKillSwitch(), recentChanges: await deps.limits.listKillSwitchChanges({ limit: 10 }) };
        if (input.reason === undefined) throw new DeskError('invalid_input', `reason is required to turn the kill switch ${input.action}, e.g. "runaway agent"`, { field: 'reason' });
        if (input.action === 'on') {
          requireRole(caller, 'trade', 'kill_switch on');
          const { state, cancelledOrders } = await turnKillSwitchOn(deps, input.reason, caller.name);
          return { killSwitch: state, cancelledOrders, recentChanges: await deps.limits.listKillSwitchChanges({ limit: 10 }) };
        }
        requireRole(caller, 'admin', 'kill_switch off');
        const current = await deps.limits.getKillSwitch();
        const state = current.active ? await deps.limits.setKillSwitch({ active: false, reason: input.reason, changedBy: caller.name, at: deps.clock.now() }) : current;
        return { killSwitch: state, recentChanges: await deps.limits.listKillSwitchChanges({ limit: 10 }) };
      }),
  );
}
