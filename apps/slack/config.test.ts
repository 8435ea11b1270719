import { describe, expect, it } from 'vitest';
import { isDeskError } from '../../core/index.ts';
import { loadSlackConfig, parseApprovers } from './config.ts';

describe('Slack configuration', () => {
  it('refuses to start without the signing secret and the bot token, naming both', () => {
    expect(() => loadSlackConfig({})).toThrow(/SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN must be set in the environment/);
    expect(() => loadSlackConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: '  ' })).toThrow(/^SLACK_BOT_TOKEN must be set/);
    expect(() => loadSlackConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxp-user' })).toThrow(/bot token starting with xoxb-/);
  });

  it('reads approvers, port and host with defaults', () => {
    expect(loadSlackConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual({ signingSecret: 's', botToken: 'xoxb-1', approvers: [], port: 3000, host: '127.0.0.1' });
    expect(loadSlackConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', DESK_SLACK_APPROVERS: 'U012ABC, W0456DEF', DESK_SLACK_PORT: '8080', DESK_SLACK_HOST: '0.0.0.0' })).toMatchObject({ approvers: ['U012ABC', 'W0456DEF'], port: 8080, host: '0.0.0.0' });
  });

  it('rejects approvers that are not Slack user ids', () => {
    expect(() => parseApprovers('U012ABC,alice')).toThrow(/got "alice"/);
    try {
      loadSlackConfig({ SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1', DESK_SLACK_PORT: '99999' });
      expect.unreachable();
    } catch (error) {
      expect(isDeskError(error, 'config_error') && error.details).toEqual({ field: 'DESK_SLACK_PORT' });
    }
  });
});
