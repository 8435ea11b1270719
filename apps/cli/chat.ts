import { parseArgs } from 'node:util';
import { DeskError } from '../../core/index.ts';
import type { TurnEvent, TurnResult } from '../../graphs/index.ts';
import { loadConfig } from '../runtime/config.ts';
import { callServer, streamFromServer, viaServerOrDesk } from './connect.ts';

/** `desk chat "MESSAGE" [--thread ID] [--json]` */
export async function chatCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { thread: { type: 'string' }, json: { type: 'boolean', default: false }, steps: { type: 'boolean', default: false } }, allowPositionals: true });
  const message = positionals.join(' ').trim();
  if (!message) throw new DeskError('invalid_input', 'chat needs a message, e.g. desk chat "buy 10 AAPL"');
  const config = loadConfig(process.env);
  const started = performance.now();
  const onEvent = values.steps ? printStep : undefined;
  const result = await viaServerOrDesk<TurnResult>(
    config,
    async (url) => (await (onEvent ? streamFromServer(config, url, '/api/chat/stream', { message, threadId: values.thread }, onEvent) : callServer(config, url, '/api/chat', { message, threadId: values.thread }))) as TurnResult,
    (desk) => desk.chat(message, { threadId: values.thread, onEvent }),
  );
  const elapsedMs = performance.now() - started;
  console.log(values.json ? JSON.stringify({ ...result, elapsedMs: Math.round(elapsedMs) }, null, 2) : describe(result));
  return 0;
}

function describe(result: TurnResult): string {
  const verdicts = result.verdicts.map((entry) => `${entry.agent}:${entry.verdict}`).join(', ');
  const tools = result.toolCalls.map((call) => call.tool).join(', ') || 'none';
  return `${result.reply}\n\n— thread ${result.threadId} · agents ${result.agentsVisited.join(' → ')} · tools ${tools} · critic ${verdicts}\n  continue with: npx desk chat --thread ${result.threadId} "..."`;
}

/** One line per step on stderr, so stdout keeps only the reply (or the JSON). */
function printStep(event: TurnEvent): void {
  if (event.type === 'agent-started') console.error(`· ${event.agent}`);
  if (event.type === 'tool-called') console.error(`  ↳ ${event.tool}${event.isError ? ' (error)' : ''} ${event.latencyMs.toFixed(1)} ms`);
  if (event.type === 'critic-verdict') console.error(`  ✓ critic on ${event.agent}: ${event.verdict}${event.reasons.length ? ` — ${event.reasons.join('; ')}` : ''}`);
}
