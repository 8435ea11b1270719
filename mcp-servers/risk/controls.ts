import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { Caller, Clock, KillSwitchState, RiskLimitsStore } from '../../core/index.ts';
import { callerFromScopes } from '../../tools/risk/index.ts';

/** Who in-process callers (the desk's agents) are when no identity is given: never admin. */
export const IN_PROCESS_CALLER: Caller = { name: 'desk-agent', roles: ['read', 'trade'] };

/** What the risk server needs to change the kill switch and to cancel orders when it trips. */
export interface KillSwitchDeps {
  limits: RiskLimitsStore;
  clock: Clock;
  /**
   * Cancel every open order (the order manager's hook); resolves to how many were cancelled.
   * Called each time the kill switch is turned on, by command or by a tripping rule.
   */
  cancelOpenOrders?: (reason: string) => Promise<number>;
  /** Identity of callers without bearer auth (in-process, stdio); IN_PROCESS_CALLER when absent. */
  localCaller?: Caller;
}

/**
 * The caller of a tool: from the bearer scopes over HTTP (authInfo), else the configured local
 * caller (the CLI passes an admin), else IN_PROCESS_CALLER.
 * @example resolveCaller(extra.authInfo, deps) // { name: 'claude', roles: ['read', 'trade'] }
 */
export function resolveCaller(authInfo: AuthInfo | undefined, deps: Pick<KillSwitchDeps, 'localCaller'>): Caller {
  if (authInfo) return callerFromScopes(authInfo.clientId, authInfo.scopes);
  return deps.localCaller ?? IN_PROCESS_CALLER;
}

/**
 * Turn the kill switch on (logged unless it already is on) and cancel open orders through the
 * injected hook. `cancelledOrders` is null when no order manager is wired.
 * @example await turnKillSwitchOn(deps, 'daily_loss: ...', 'risk:daily_loss')
 */
export async function turnKillSwitchOn(deps: KillSwitchDeps, reason: string, changedBy: string): Promise<{ state: KillSwitchState; cancelledOrders: number | null }> {
  const current = await deps.limits.getKillSwitch();
  const state = current.active ? current : await deps.limits.setKillSwitch({ active: true, reason, changedBy, at: deps.clock.now() });
  const cancelledOrders = deps.cancelOpenOrders ? await deps.cancelOpenOrders(`kill switch on: ${reason}`) : null;
  return { state, cancelledOrders };
}
