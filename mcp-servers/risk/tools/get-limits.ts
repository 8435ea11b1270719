import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { RiskLimitsStore } from '../../../core/index.ts';
import { effectiveLimits } from '../../../tools/risk/index.ts';
import { handle } from '../../shared/index.ts';
import { effectiveLimitsOutput, killSwitchChangeOutput, killSwitchOutput, limitChangeOutput } from '../limits-output.ts';

export const getLimitsInput = {
  changes: z.number().int().min(0).max(100).optional().describe('Also return the latest N limit changes and kill switch changes (who, when, old, new, reason); default 0'),
};

export const getLimitsOutput = {
  ...effectiveLimitsOutput.shape,
  killSwitch: killSwitchOutput,
  limitChanges: z.array(limitChangeOutput).optional(),
  killSwitchChanges: z.array(killSwitchChangeOutput).optional(),
};

export function registerGetLimitsTool(server: McpServer, deps: { limits: RiskLimitsStore }): void {
  server.registerTool(
    'get_limits',
    {
      title: 'Get risk limits',
      description:
        'The pre-trade limits in effect (defaults filled in): maxOrderNotional (USD), maxPositionQuantity and maxOrderQuantity (shares), ' +
        'fractions of equity (maxPositionFraction, maxGrossExposure, maxNetExposure, maxLeverage, maxSectorFraction with sectorMap, maxDailyLossFraction, maxDrawdownFraction), ' +
        'maxPriceDeviation (fraction from the last price), maxOrdersPerMinute, the UTC session, restrictedSymbols; and the kill switch. ' +
        'Example: {"changes":5} also returns the last 5 changes of each log.',
      inputSchema: getLimitsInput,
      outputSchema: getLimitsOutput,
      annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
    },
    (input) =>
      handle(async () => {
        const [limits, killSwitch] = await Promise.all([deps.limits.getLimits(), deps.limits.getKillSwitch()]);
        const count = input.changes ?? 0;
        if (count === 0) return { ...effectiveLimits(limits), killSwitch };
        const [limitChanges, killSwitchChanges] = await Promise.all([deps.limits.listLimitChanges({ limit: count }), deps.limits.listKillSwitchChanges({ limit: count })]);
        return { ...effectiveLimits(limits), killSwitch, limitChanges, killSwitchChanges };
      }),
  );
}
