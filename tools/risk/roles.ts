import { DeskError, type Caller, type RiskRole } from '../../core/index.ts';

/**
 * Refuse (DeskError 'forbidden') unless the caller has `role`; admin implies every role.
 * @example requireRole({ name: 'bob', roles: ['trade'] }, 'admin', 'set risk limits') // throws: "set risk limits needs the admin role; bob has trade"
 */
export function requireRole(caller: Caller, role: RiskRole, action: string): void {
  if (caller.roles.includes(role) || caller.roles.includes('admin')) return;
  const held = caller.roles.length > 0 ? caller.roles.join(', ') : 'no roles';
  throw new DeskError('forbidden', `${action} needs the ${role} role; ${caller.name} has ${held}`, { needed: role, caller: caller.name });
}

/**
 * The roles of a caller given bearer scopes (MCP over HTTP): read, trade and admin map one to one.
 * @example callerFromScopes('claude', ['read', 'trade']) // { name: 'claude', roles: ['read', 'trade'] }
 */
export function callerFromScopes(name: string, scopes: readonly string[]): Caller {
  const roles = scopes.filter((scope): scope is RiskRole => scope === 'read' || scope === 'trade' || scope === 'admin');
  return { name, roles };
}
