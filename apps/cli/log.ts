import { parseArgs } from 'node:util';
import type { ChainVerification, CriticVerdict, Decision } from '../../core/index.ts';
import { loadConfig } from '../runtime/config.ts';
import { DeskError } from '../../core/index.ts';
import type { ReplayReport } from '../../graphs/index.ts';
import { callServer, viaServerOrDesk } from './connect.ts';

type Entries = { decisions: Decision[]; verdicts: CriticVerdict[] };

/** `desk log [--thread ID] [--json]` and `desk log verify`. */
export async function logCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { thread: { type: 'string' }, json: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals[0] === 'replay') return replayCommand(positionals[1], values.json ?? false);
  const verify = positionals[0] === 'verify';
  const config = loadConfig(process.env);
  const path = verify ? '/api/decisions/verify' : `/api/decisions${values.thread ? `?thread=${encodeURIComponent(values.thread)}` : ''}`;
  const output = await viaServerOrDesk<Entries | ChainVerification>(
    config,
    async (url) => (await callServer(config, url, path)) as Entries | ChainVerification,
    (desk) => {
      const log = desk.serverDeps.decisions;
      return verify ? log.verify() : values.thread ? log.listByThread(values.thread) : log.listRecent(50);
    },
  );
  if (verify) {
    const result = output as ChainVerification;
    console.log(values.json ? JSON.stringify(result, null, 2) : result.ok ? `decision log intact: ${result.decisions} decisions, ${result.verdicts} verdicts, hash chains verified` : `decision log BROKEN at sequence ${result.firstBrokenSequence}: ${result.problem}`);
    return result.ok ? 0 : 1;
  }
  console.log(values.json ? JSON.stringify(output, null, 2) : formatEntries(output as Entries));
  return 0;
}

function formatEntries({ decisions, verdicts }: Entries): string {
  if (decisions.length === 0) return 'no decisions logged yet';
  return decisions
    .map((decision) => {
      const verdict = verdicts.filter((entry) => entry.decisionId === decision.id).map((entry) => `${entry.verdict}${entry.reasons.length ? ` (${entry.reasons.join('; ')})` : ''}`).join(', ') || 'no verdict';
      const tools = decision.toolCalls.map((call) => call.tool).join(', ') || '-';
      return `#${decision.sequence} ${decision.createdAt} ${decision.threadId} ${decision.agent}/${decision.kind} tools[${tools}] critic: ${verdict}  ${decision.hash.slice(0, 12)}`;
    })
    .join('\n');
}

/** `desk log replay THREAD`: re-run the thread from its recorded tool results; exit 1 if decisions differ. */
async function replayCommand(threadId: string | undefined, json: boolean): Promise<number> {
  if (!threadId) throw new DeskError('invalid_input', 'log replay needs a thread id, e.g. desk log replay thread_abc');
  const config = loadConfig(process.env);
  const report = await viaServerOrDesk<ReplayReport>(
    config,
    async (url) => (await callServer(config, url, `/api/threads/${encodeURIComponent(threadId)}/replay`)) as ReplayReport,
    (desk) => desk.replay(threadId),
  );
  console.log(json ? JSON.stringify(report, null, 2) : report.identical ? `replay of ${threadId}: ${report.replayed.length} decisions, identical to the record` : `replay of ${threadId} differs:\n${report.differences.join('\n')}`);
  return report.identical ? 0 : 1;
}
