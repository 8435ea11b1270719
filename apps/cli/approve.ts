import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { DeskError } from '../../core/index.ts';
import type { TurnResult } from '../../graphs/index.ts';
import { loadConfig } from '../runtime/config.ts';
import { callServer, viaServerOrDesk } from './connect.ts';

/** `desk approve THREAD [--reject] [--by NAME] [--note TEXT] [--json]`: answer an order waiting for a human. */
export async function approveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { reject: { type: 'boolean', default: false }, by: { type: 'string' }, note: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const threadId = positionals[0];
  if (!threadId) throw new DeskError('invalid_input', 'approve needs the thread id shown with the waiting order, e.g. desk approve thread_abc');
  const answer = { decision: values.reject ? ('reject' as const) : ('approve' as const), by: values.by ?? userInfo().username, ...(values.note ? { note: values.note } : {}) };
  const config = loadConfig(process.env);
  const result = await viaServerOrDesk<TurnResult>(
    config,
    async (url) => (await callServer(config, url, `/api/threads/${encodeURIComponent(threadId)}/approval`, answer)) as TurnResult,
    (desk) => desk.approve(threadId, answer),
  );
  console.log(values.json ? JSON.stringify(result, null, 2) : result.reply);
  return 0;
}
