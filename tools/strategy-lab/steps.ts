import { DeskError } from '../../core/index.ts';

/** How far a long computation is: `done` of `total` units (backtests, usually). */
export interface Progress {
  done: number;
  total: number;
}

/**
 * A long computation written as a generator that yields its progress after each unit of work and
 * returns its result: the same code runs to completion synchronously (runSteps) or cooperatively
 * with progress reports and cancellation (runStepsAsync).
 */
export type Steps<T> = Generator<Progress, T, void>;

/**
 * Run steps to the end, reporting each progress to `onProgress`.
 * @example const result = runSteps(searchSteps(evaluate, spec, options), ({ done, total }) => bar.update(done / total));
 */
export function runSteps<T>(steps: Steps<T>, onProgress?: (progress: Progress) => void): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    onProgress?.(next.value);
  }
}

/**
 * Run steps, giving the event loop a turn after each so that progress notifications go out and a
 * cancellation can arrive; an aborted `signal` stops the work with DeskError('cancelled').
 *
 * @example await runStepsAsync(walkForwardSteps(backtest, spec, options), { onProgress: notify, signal });
 */
export async function runStepsAsync<T>(steps: Steps<T>, options: { onProgress?: (progress: Progress) => void | Promise<void>; signal?: AbortSignal } = {}): Promise<T> {
  for (;;) {
    if (options.signal?.aborted) {
      steps.return(undefined as T);
      throw new DeskError('cancelled', 'the computation was cancelled by its caller');
    }
    const next = steps.next();
    if (next.done) return next.value;
    await options.onProgress?.(next.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Re-express the progress of a part as progress of a whole: `before` units precede it, `total` in all. */
export function* within<T>(steps: Steps<T>, before: number, total: number): Steps<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    yield { done: before + next.value.done, total };
  }
}
