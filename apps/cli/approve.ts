import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { DeskError } from '../../core/index.ts';
import type { TurnResult } from '../../graphs/index.ts';
import { loadConfig } from '../runtime/config.ts';
import { callServer, findRunningServer } from './connect.ts';

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
  const server = config.databaseUrl ? null : await findRunningServer(config);
  let result: TurnResult;
  if (server) {
    result = (await callServer(config, server, `/api/threads/${encodeURIComponent(threadId)}/approval`, answer)) as TurnResult;
  } else {
    const { openDesk } = await import('../runtime/desk.ts');
    const desk = await openDesk(config, { role: 'cli' });
    try {
      result = await desk.approve(threadId, answer);
    } finally {
      await desk.close();
    }
  }
  console.log(values.json ? JSON.stringify(result, null, 2) : result.reply);
  return 0;
}
