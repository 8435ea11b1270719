/**
 * Work on one desk thread runs one piece at a time in this process: two quick messages in a
 * Slack thread, or two approvers clicking at once, must not drive the same graph thread together.
 * @example const queue = createThreadQueue(); await queue.run('slack:C1:1.2', () => desk.chat(...));
 */
export function createThreadQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, work: () => Promise<T>): Promise<T> {
      const next = (tails.get(key) ?? Promise.resolve()).then(work);
      const tail = next.then(() => undefined, () => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return next;
    },
  };
}

export type ThreadQueue = ReturnType<typeof createThreadQueue>;
