import { parentPort, workerData } from 'node:worker_threads';
import { isDeskError } from '../core/index.ts';
import type { ModelOptions } from './models.ts';
import { runScoredCase } from './run-scored.ts';
import type { EvalCase } from './suite-schema.ts';

/**
 * A harness worker thread: receives cases one at a time, runs each on a fresh copy of the
 * template database (sent once, as bytes), and posts back its score. One PGlite per case, as in
 * the single-threaded harness, so a worker's results equal a serial run's.
 */
const { template, options } = workerData as { template: ArrayBuffer; options: ModelOptions };
const blob = new Blob([template]);

parentPort!.on('message', async (message: { index: number; entry: EvalCase } | 'stop') => {
  if (message === 'stop') {
    parentPort!.close();
    return;
  }
  try {
    parentPort!.postMessage({ index: message.index, result: await runScoredCase(message.entry, blob, options) });
  } catch (error) {
    // A DeskError (e.g. a missing recording) keeps its code and message; anything else its stack.
    const code = isDeskError(error) ? error.code : undefined;
    parentPort!.postMessage({ index: message.index, code, error: code ? (error as Error).message : error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
