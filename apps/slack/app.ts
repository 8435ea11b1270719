import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel, webApi, type BlockAction, type ButtonAction, type Logger } from '@slack/bolt';
import { DeskError } from '../../core/index.ts';
import type { Desk } from '../runtime/desk.ts';
import { APPROVE_ACTION, REJECT_ACTION } from './blocks.ts';
import { deskInputFromSlack, escapeSlack, type SlackAttachment } from './text.ts';
import { createThreadQueue } from './thread-queue.ts';
import { answerApproval, runSlackTurn, type SlackTurnDeps } from './turns.ts';

export interface SlackAppOptions {
  signingSecret: string;
  botToken: string;
  approvers: readonly string[];
  /** The bot's ids; when both are given Bolt skips its auth.test call. */
  botId?: string;
  botUserId?: string;
  /** Another Slack Web API base, e.g. a local server in tests ('http://127.0.0.1:PORT/api/'). */
  slackApiUrl?: string;
  logLevel?: LogLevel;
  logger?: Logger;
  log?: (line: string) => void;
}

export interface SlackApp {
  app: App;
  /** Listen on host:port (port 0: any free port); resolves with the bound URL of /slack/events. */
  start(listen: { port: number; host: string }): Promise<{ url: string; port: number }>;
  stop(): Promise<void>;
}

const SEEN_EVENTS_CAP = 1000;
const USAGE = 'Ask me in plain words, e.g. `/desk backtest an SMA crossover 10/30 on AAPL over the last 5 years`, `@desk buy 10 AAPL` or `@desk show my positions`.';

/**
 * The desk as a Slack app (Bolt's HTTP receiver, signature verification on): mentions, direct
 * messages and `/desk` run a desk turn on the desk thread of the Slack thread; Approve / Reject
 * buttons answer orders waiting for a human. Events, commands and clicks all go to /slack/events.
 *
 * @example
 * const slack = createSlackApp(desk, { signingSecret, botToken, approvers: ['U012ABC'] });
 * await slack.start({ port: 3000, host: '127.0.0.1' });
 */
export function createSlackApp(desk: Desk, options: SlackAppOptions): SlackApp {
  const app = new App({
    signingSecret: options.signingSecret,
    token: options.botToken,
    botId: options.botId,
    botUserId: options.botUserId,
    clientOptions: options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : undefined,
    logLevel: options.logLevel ?? LogLevel.WARN,
    logger: options.logger,
    convoStore: false,
  });
  const log = options.log ?? ((line: string) => console.error(line));
  const deps: SlackTurnDeps = { desk, approvers: options.approvers, queue: createThreadQueue(), log };
  const firstDelivery = deliveredOnce();

  app.event('app_mention', async ({ event, body, client, context }) => {
    if (!firstDelivery(body.event_id)) return;
    const input = deskInputFromSlack(event.text, context.botUserId, (event as { attachments?: SlackAttachment[] }).attachments);
    const threadTs = event.thread_ts ?? event.ts;
    if (!input) await client.chat.postMessage({ channel: event.channel, thread_ts: threadTs, text: USAGE });
    else await runSlackTurn(deps, client, { channel: event.channel, threadTs, input });
  });

  app.message(async ({ message, body, client, context }) => {
    // Direct messages only (the manifest subscribes to message.im); edits, joins and bots are not requests.
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id || !firstDelivery(body.event_id)) return;
    const input = deskInputFromSlack(message.text ?? '', context.botUserId, message.attachments as SlackAttachment[] | undefined);
    if (input) await runSlackTurn(deps, client, { channel: message.channel, threadTs: message.thread_ts ?? message.ts, input });
  });

  app.command('/desk', async ({ command, ack, client, context }) => {
    const input = deskInputFromSlack(command.text, context.botUserId);
    if (!input) {
      await ack({ response_type: 'ephemeral', text: USAGE });
      return;
    }
    await ack();
    // The command's own message starts the Slack thread (and so the desk thread).
    const root = await client.chat.postMessage({ channel: command.channel_id, text: `<@${command.user_id}> asked: ${escapeSlack(input)}` });
    await runSlackTurn(deps, client, { channel: command.channel_id, threadTs: root.ts!, input });
  });

  for (const [actionId, decision] of [[APPROVE_ACTION, 'approve'], [REJECT_ACTION, 'reject']] as const) {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client }) => {
      await ack();
      const channel = body.channel?.id ?? body.container?.channel_id;
      const messageTs = body.message?.ts;
      if (!channel || !messageTs) return;
      const threadTs = (body.message?.thread_ts as string | undefined) ?? messageTs;
      await answerApproval(deps, client, { decision, userId: body.user.id, channel, messageTs, threadTs, clientOrderId: action.value ?? '' });
    });
  }

  app.error(async (error) => log(`slack: ${error.stack ?? error.message}`));

  return {
    app,
    start: async ({ port, host }) => {
      const server = (await app.start({ port, host })) as Server;
      const bound = (server.address() as AddressInfo).port;
      return { url: `http://${host}:${bound}/slack/events`, port: bound };
    },
    stop: () => app.stop() as Promise<void>,
  };
}

/**
 * Ask Slack who the bot token belongs to (auth.test), so a wrong token stops the app at start
 * with a clear message instead of failing on the first event.
 * @example const { botId, botUserId } = await identifyBot(process.env.SLACK_BOT_TOKEN!);
 */
export async function identifyBot(botToken: string, slackApiUrl?: string): Promise<{ botId: string; botUserId: string; team: string }> {
  const client = new webApi.WebClient(botToken, { slackApiUrl, retryConfig: { retries: 0 }, logLevel: webApi.LogLevel.ERROR });
  const identity = await client.auth.test().catch((error: unknown) => {
    throw new DeskError('config_error', `Slack refused SLACK_BOT_TOKEN (auth.test: ${error instanceof Error ? error.message : String(error)})`, { field: 'SLACK_BOT_TOKEN' }, { cause: error });
  });
  if (!identity.bot_id || !identity.user_id) throw new DeskError('config_error', 'SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot_id); use the xoxb- token from OAuth & Permissions', { field: 'SLACK_BOT_TOKEN' });
  return { botId: identity.bot_id, botUserId: identity.user_id, team: identity.team ?? '' };
}

/** Slack redelivers an event it thinks was not acknowledged; answer each event id once. */
function deliveredOnce(): (eventId: string) => boolean {
  const seen = new Set<string>();
  return (eventId) => {
    if (seen.has(eventId)) return false;
    seen.add(eventId);
    if (seen.size > SEEN_EVENTS_CAP) seen.delete(seen.values().next().value!);
    return true;
  };
}
