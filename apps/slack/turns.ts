import type { webApi } from '@slack/bolt';
import { isDeskError } from '../../core/index.ts';
import type { TurnEvent } from '../../graphs/index.ts';
import type { Desk } from '../runtime/desk.ts';
import { answeredMessage, approvalMessage, progressText, replyMessage } from './blocks.ts';
import { escapeSlack, slackThreadId } from './text.ts';
import type { ThreadQueue } from './thread-queue.ts';

/** What the Slack handlers share: the desk, the approvers, and the per-thread queue. */
export interface SlackTurnDeps {
  desk: Pick<Desk, 'chat' | 'approve' | 'serverDeps'>;
  approvers: readonly string[];
  queue: ThreadQueue;
  log: (line: string) => void;
}

/**
 * Run one desk turn for a Slack message and answer in its thread: a status message that follows
 * the turn's steps, replaced by the reply (or by Approve / Reject buttons when the order waits).
 */
export async function runSlackTurn(deps: SlackTurnDeps, client: webApi.WebClient, message: { channel: string; threadTs: string; input: string }): Promise<void> {
  const { channel, threadTs, input } = message;
  const threadId = slackThreadId(channel, threadTs);
  const status = await client.chat.postMessage({ channel, thread_ts: threadTs, text: progressText([]) });
  const ts = status.ts!;
  const events: TurnEvent[] = [];
  const progress = serialUpdates((text) => client.chat.update({ channel, ts, text, blocks: [] }), deps.log);
  try {
    const result = await deps.queue.run(threadId, () => deps.desk.chat(input, { threadId, onEvent: (event) => {
      events.push(event);
      progress.show(progressText(events));
    } }));
    await progress.close();
    await client.chat.update({ channel, ts, ...(result.pendingApproval ? approvalMessage(result.pendingApproval, result) : replyMessage(result)) });
  } catch (error) {
    await progress.close();
    await client.chat.update({ channel, ts, text: escapeSlack(describe(error, deps.log)), blocks: [] });
  }
}

/** A click on Approve or Reject. */
export interface ApprovalClick {
  decision: 'approve' | 'reject';
  userId: string;
  channel: string;
  /** The approval message, and the thread it sits in. */
  messageTs: string;
  threadTs: string;
  /** The order the buttons were shown for. */
  clientOrderId: string;
}

/**
 * Answer an approval from Slack: only allowlisted users; a click on buttons of an order that was
 * already answered (here, by CLI or over HTTP) says so instead of answering whatever waits now.
 */
export async function answerApproval(deps: SlackTurnDeps, client: webApi.WebClient, click: ApprovalClick): Promise<void> {
  const { channel, userId, messageTs, decision } = click;
  const tell = (text: string) => client.chat.postEphemeral({ channel, user: userId, thread_ts: click.threadTs, text });
  if (!deps.approvers.includes(userId)) {
    await tell('Only desk approvers (DESK_SLACK_APPROVERS) may answer an approval request; nothing was changed.');
    return;
  }
  const threadId = slackThreadId(channel, click.threadTs);
  await deps.queue.run(threadId, async () => {
    const earlier = await earlierAnswer(deps, threadId, click.clientOrderId);
    if (earlier) {
      await tell(`This order was already answered (${earlier.decision} by ${earlier.by}).`);
      return;
    }
    const progressing = decision === 'approve' ? 'Approving' : 'Rejecting';
    await client.chat.update({ channel, ts: messageTs, text: `${progressing}… (<@${userId}>)`, blocks: [] });
    const outcome = await deps.desk.approve(threadId, { decision, by: `slack:${userId}` }).catch((error: unknown) => describe(error, deps.log));
    await client.chat.update({ channel, ts: messageTs, ...answeredMessage({ decision, userId }, outcome) });
  });
}

/** The human-approval decision already logged for this order, if any. */
async function earlierAnswer(deps: SlackTurnDeps, threadId: string, clientOrderId: string): Promise<{ decision: string; by: string } | null> {
  const { decisions } = await deps.desk.serverDeps.decisions.listByThread(threadId);
  const answered = decisions.find((entry) => entry.kind === 'human-approval' && (entry.input as { order?: { clientOrderId?: string } }).order?.clientOrderId === clientOrderId);
  return answered ? (answered.output as { decision: string; by: string }) : null;
}

function describe(error: unknown, log: (line: string) => void): string {
  if (isDeskError(error, 'conflict')) return 'This thread waits for an answer to an order above: approve or reject it first.';
  if (isDeskError(error)) return `The desk could not do that (${error.code}): ${error.message}`;
  log(`slack: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 'Internal error; the desk operator can find it in the Slack process log.';
}

/** Status updates one at a time, coalesced to the latest text; `close` waits for the last one. */
function serialUpdates(send: (text: string) => Promise<unknown>, log: (line: string) => void) {
  let chain: Promise<void> = Promise.resolve();
  let latest = '';
  let queued = false;
  let closed = false;
  return {
    show(text: string): void {
      latest = text;
      if (queued || closed) return;
      queued = true;
      chain = chain.then(async () => {
        queued = false;
        if (!closed) await send(latest).catch((error: unknown) => log(`slack: status update failed: ${String(error)}`));
      });
    },
    async close(): Promise<void> {
      closed = true;
      await chain;
    },
  };
}
