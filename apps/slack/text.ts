/**
 * Slack text in and out. Slack sends message text with its own markup (`<@U123>`, `<url|label>`,
 * `&gt;` for a quote line); the desk reads plain text where `>` lines are quoted material. Text the
 * desk posts back is escaped so a reply quoting news cannot ping `@channel` or fake a link.
 */

/** A forwarded or shared message, or a link preview, attached to a Slack message. */
export interface SlackAttachment {
  text?: string;
  fallback?: string;
  pretext?: string;
  author_name?: string;
}

/**
 * The desk thread of a Slack thread: one channel plus the ts of the thread's first message.
 * @example slackThreadId('C0123', '1712345678.000100') // 'slack:C0123:1712345678.000100'
 */
export function slackThreadId(channel: string, threadTs: string): string {
  return `slack:${channel}:${threadTs}`;
}

/**
 * What the user typed, as desk input: the bot's own mention removed, Slack markup turned into
 * plain text, and anything forwarded or attached appended as `>` quote lines, which the desk
 * treats as material to look at, never as a command.
 * @example deskInputFromSlack('<@UBOT> buy 10 AAPL', 'UBOT') // 'buy 10 AAPL'
 */
export function deskInputFromSlack(text: string, botUserId: string | undefined, attachments: SlackAttachment[] = []): string {
  const own = botUserId ? new RegExp(`<@${escapeRegExp(botUserId)}(\\|[^>]*)?>`, 'g') : null;
  const typed = plainFromSlack(own ? text.replace(own, '') : text).trim();
  const forwarded = attachments.map(attachmentText).filter((entry) => entry.length > 0);
  const quoted = forwarded.map((entry) => entry.split('\n').map((line) => `> ${line}`).join('\n'));
  return [typed, ...quoted].filter(Boolean).join('\n');
}

/** Slack markup to plain text: mentions, channels, links, special mentions, then entities. */
function plainFromSlack(text: string): string {
  const unmarked = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target, label] = splitOnce(inner, '|');
    if (target.startsWith('@')) return label ? `@${label}` : target;
    if (target.startsWith('#')) return label ? `#${label}` : target;
    if (target.startsWith('!')) return `@${(label ?? target.slice(1)).replace(/^@/, '')}`;
    return label && label !== target ? `${label} (${target})` : target;
  });
  return unmarked.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function attachmentText(attachment: SlackAttachment): string {
  const body = plainFromSlack(attachment.text ?? attachment.fallback ?? '').trim();
  if (!body) return '';
  return attachment.author_name ? `${plainFromSlack(attachment.author_name)}: ${body}` : body;
}

/**
 * Escape text for Slack mrkdwn and plain text fields: `&`, `<`, `>` become entities, so
 * `<!channel>` or `<http://evil|bank>` inside a reply shows as text.
 * @example escapeSlack('<!channel> & co') // '&lt;!channel&gt; &amp; co'
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cut `text` to at most `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index < 0 ? [text, undefined] : [text.slice(0, index), text.slice(index + 1)];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
