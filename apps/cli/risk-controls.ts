import { parseArgs } from 'node:util';
import { DeskError, RiskLimitsSchema, type Caller } from '../../core/index.ts';
import { loadConfig } from '../runtime/config.ts';

export const CONTROLS_USAGE = [
  'desk risk limits [--changes N] [--json]',
  'desk risk set-limit NAME VALUE --by NAME [--reason TEXT]',
  'desk risk kill-switch on|off|status [--by NAME] [--reason TEXT]',
];

const LIMIT_NAMES = Object.keys(RiskLimitsSchema.shape);
type ToolResult = { isError?: boolean; structuredContent?: Record<string, unknown>; content: Array<{ text?: string }> };

/**
 * `desk risk limits | set-limit | kill-switch`: the risk server's get_limits, set_limits and
 * kill_switch, called in-process. The local CLI acts as admin under the name given with --by.
 */
export async function riskControlsCommand(subcommand: string, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { by: { type: 'string' }, reason: { type: 'string' }, changes: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const [tool, request] = toolCall(subcommand, positionals, values);
  const needsName = subcommand === 'set-limit' || (subcommand === 'kill-switch' && positionals[0] !== 'status');
  if (needsName && !values.by?.trim()) throw new DeskError('invalid_input', `--by NAME is required: changes to risk controls are logged under your name (${CONTROLS_USAGE.join(' | ')})`, { field: 'by' });
  const { openDesk } = await import('../runtime/desk.ts');
  const { createServer } = await import('../runtime/servers.ts');
  const { connectInProcess } = await import('../../mcp-servers/index.ts');
  const desk = await openDesk(loadConfig(process.env), { role: 'cli' });
  try {
    const riskCaller: Caller = { name: values.by?.trim() || 'cli', roles: ['read', 'trade', 'admin'] };
    const client = await connectInProcess(createServer('risk', { ...desk.serverDeps, riskCaller }), 'desk-cli');
    const result = (await client.callTool({ name: tool, arguments: request })) as ToolResult;
    await client.close();
    if (result.isError || !result.structuredContent) throw new DeskError('invalid_input', result.content[0]?.text ?? `${tool} failed`);
    console.log(values.json ? JSON.stringify(result.structuredContent, null, 2) : describe(tool, result.structuredContent));
    return 0;
  } finally {
    await desk.close();
  }
}

function toolCall(subcommand: string, positionals: string[], values: { reason?: string; changes?: string }): [string, Record<string, unknown>] {
  if (subcommand === 'limits') return ['get_limits', values.changes === undefined ? {} : { changes: Number(values.changes) }];
  if (subcommand === 'set-limit') {
    const [name, value] = positionals;
    if (name === undefined || value === undefined) throw new DeskError('invalid_input', `usage: ${CONTROLS_USAGE[1]}`, { field: 'NAME' });
    if (!LIMIT_NAMES.includes(name)) throw new DeskError('invalid_input', `unknown limit "${name}"; limits: ${LIMIT_NAMES.join(', ')}`, { field: 'NAME' });
    return ['set_limits', { changes: { [name]: limitValue(name, value) }, reason: values.reason ?? `set ${name} from the CLI` }];
  }
  const [action] = positionals;
  if (action !== 'on' && action !== 'off' && action !== 'status') throw new DeskError('invalid_input', `usage: ${CONTROLS_USAGE[2]}`, { field: 'action' });
  return ['kill_switch', action === 'status' ? { action } : { action, reason: values.reason ?? `turned ${action} from the CLI` }];
}

/** A limit's VALUE as its schema takes it: lists, a SYMBOL=SECTOR map, an integer, a boolean, else text. */
function limitValue(name: string, value: string): unknown {
  const list = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  switch (name) {
    case 'restrictedSymbols': return list;
    case 'sectorMap': return Object.fromEntries(list.map((entry) => entry.split('=').map((part) => part.trim())));
    case 'maxOrdersPerMinute': return Number(value);
    case 'allowOutsideSession':
      if (value !== 'true' && value !== 'false') throw new DeskError('invalid_input', `allowOutsideSession must be true or false (got "${value}")`, { field: name });
      return value === 'true';
    default: return value;
  }
}

function describe(tool: string, result: Record<string, unknown>): string {
  const killSwitch = (result.killSwitch ?? {}) as { active?: boolean; reason?: string | null; changedBy?: string | null; changedAt?: string | null };
  const switchLine = `kill switch ${killSwitch.active ? 'ON' : 'off'}${killSwitch.changedBy ? ` (${killSwitch.reason}; by ${killSwitch.changedBy} at ${killSwitch.changedAt})` : ''}`;
  if (tool === 'kill_switch') return result.cancelledOrders === undefined ? switchLine : `${switchLine}; cancelled orders: ${result.cancelledOrders ?? 'no order manager wired'}`;
  const limits = (tool === 'set_limits' ? result.limits : result) as Record<string, unknown>;
  const lines = LIMIT_NAMES.map((name) => `  ${name.padEnd(22)} ${JSON.stringify(limits[name])}`);
  return [tool === 'set_limits' ? `changed ${(result.changed as string[]).join(', ')} (by ${result.changedBy})` : switchLine, ...lines].join('\n');
}
