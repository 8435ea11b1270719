import { loadConfig } from '../runtime/config.ts';
import { openDesk } from '../runtime/desk.ts';
import { createSlackApp, identifyBot } from '../slack/app.ts';
import { loadSlackConfig } from '../slack/config.ts';

/**
 * `desk slack`: the desk as a Slack app on Bolt's HTTP receiver (POST /slack/events). Needs
 * SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN; DESK_SLACK_APPROVERS lists who may approve orders.
 */
export async function slackCommand(_args: string[]): Promise<number> {
  // Check the Slack settings before opening the database: a missing secret is the usual mistake.
  const slackConfig = loadSlackConfig(process.env);
  const config = loadConfig(process.env);
  const bot = await identifyBot(slackConfig.botToken);
  const desk = await openDesk(config, { role: 'slack', log: (line) => console.log(line) });
  const slack = createSlackApp(desk, { signingSecret: slackConfig.signingSecret, botToken: slackConfig.botToken, approvers: slackConfig.approvers, botId: bot.botId, botUserId: bot.botUserId });
  const { url } = await slack.start({ port: slackConfig.port, host: slackConfig.host });
  const approvers = slackConfig.approvers.length ? slackConfig.approvers.join(', ') : 'nobody (set DESK_SLACK_APPROVERS; orders then wait for desk approve)';
  console.log(`desk Slack app for workspace ${bot.team} (bot user ${bot.botUserId}) listening at ${url}\n  approvers  ${approvers}\n  human approval  ${config.humanApproval === null ? 'off (set DESK_HUMAN_APPROVAL)' : config.humanApproval === 'all' ? 'every order' : `orders above ${config.humanApproval.above} USD`}\nStop with Ctrl-C.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await slack.stop();
  await desk.close();
  return 0;
}
