import { Worker } from 'node:worker_threads';
import { DeskError, type DeskErrorCode } from '../core/index.ts';
import type { ModelOptions } from './models.ts';
import type { ScoredCase } from './run-scored.ts';
import type { EvalCase } from './suite-schema.ts';

const WORKER_ENTRY = new URL('./case-worker-entry.mjs', import.meta.url);

/**
 * Run cases on `workers` worker threads, each taking the next case when it finishes one; results
 * come back in the cases' order, so the report is the same as a serial run's. A case that throws
 * fails the run with the case id (the harness never hides a crash as a low score).
 */
export async function runCasesInWorkers(
  cases: EvalCase[],
  template: Blob,
  options: ModelOptions,
  workers: number,
  onResult: (index: number, result: ScoredCase) => void,
): Promise<ScoredCase[]> {
  const bytes = await template.arrayBuffer();
  const results: ScoredCase[] = new Array(cases.length);
  let next = 0;
  const pool = Array.from({ length: Math.min(workers, cases.length) }, () => new Worker(WORKER_ENTRY, { workerData: { template: bytes, options } }));
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= cases.length) {
                worker.postMessage('stop');
                resolve();
                return;
              }
              const index = next++;
              worker.postMessage({ index, entry: cases[index] });
            };
            worker.on('message', (message: { index: number; result?: ScoredCase; error?: string; code?: DeskErrorCode }) => {
              if (message.error !== undefined) {
                reject(message.code ? new DeskError(message.code, message.error) : new Error(`eval case ${cases[message.index].id} crashed: ${message.error}`));
                return;
              }
              results[message.index] = message.result!;
              onResult(message.index, message.result!);
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`an eval worker exited with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}
