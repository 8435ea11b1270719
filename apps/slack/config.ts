import { DeskError } from '../../core/index.ts';

/** The Slack app's settings; the secrets come only from the environment. */
export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  /** Slack user ids that may answer approval requests. */
  approvers: string[];
  port: number;
  host: string;
}

/**
 * Read SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, DESK_SLACK_APPROVERS, DESK_SLACK_PORT (default
 * 3000) and DESK_SLACK_HOST (default 127.0.0.1). Refuses to go on without both secrets.
 * @example const slack = loadSlackConfig(process.env);
 */
export function loadSlackConfig(env: Record<string, string | undefined>): SlackConfig {
  const missing = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN'].filter((name) => !env[name]?.trim());
  if (missing.length) {
    throw new DeskError('config_error', `${missing.join(' and ')} must be set in the environment to run the Slack app (signing secret: Basic Information → App Credentials; bot token: OAuth & Permissions, starts with xoxb-)`, { fields: missing });
  }
  const botToken = env.SLACK_BOT_TOKEN!.trim();
  if (!botToken.startsWith('xoxb-')) throw new DeskError('config_error', 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-', { field: 'SLACK_BOT_TOKEN' });
  return {
    signingSecret: env.SLACK_SIGNING_SECRET!.trim(),
    botToken,
    approvers: parseApprovers(env.DESK_SLACK_APPROVERS ?? ''),
    port: port(env.DESK_SLACK_PORT),
    host: env.DESK_SLACK_HOST?.trim() || '127.0.0.1',
  };
}

/**
 * DESK_SLACK_APPROVERS: comma-separated Slack user ids (U… or W…). Empty: nobody may approve
 * from Slack (orders then wait for `desk approve` or the HTTP API).
 * @example parseApprovers('U012ABC, W0456DEF') // ['U012ABC', 'W0456DEF']
 */
export function parseApprovers(raw: string): string[] {
  const ids = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = ids.filter((id) => !/^[UW][A-Z0-9]{2,20}$/.test(id));
  if (bad.length) throw new DeskError('config_error', `DESK_SLACK_APPROVERS must list Slack user ids such as U012ABC3DEF, comma-separated (got ${bad.map((id) => JSON.stringify(id)).join(', ')})`, { field: 'DESK_SLACK_APPROVERS' });
  return ids;
}

function port(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 3000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new DeskError('config_error', `DESK_SLACK_PORT must be an integer from 0 to 65535 (got ${JSON.stringify(raw)})`, { field: 'DESK_SLACK_PORT' });
  return value;
}
