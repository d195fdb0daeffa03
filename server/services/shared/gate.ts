import type { AppError } from '../../errors.js';

/**
 * At most `max` tasks at once and at most `queueMax` waiting for their turn; past that a task is
 * refused with `busy`. Reading an import is CPU on the one event loop and holds the file's rows
 * in memory: running several at once is no faster, only bigger, so they take turns.
 */
export function createGate(max: number, queueMax: number, busy: () => AppError) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active < max) active++;
      else if (waiting.length >= queueMax) throw busy();
      // The slot is handed over by the task that leaves, so `active` counts it already.
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
    /** Tasks running and waiting, for tests and metrics. */
    load: () => ({ active, waiting: waiting.length }),
  };
}
