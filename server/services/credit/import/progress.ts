import type { ImportPhase } from '../../../../core/protocol/events.js';
import type { Clock } from '../../../clock.js';

/** Rows done in one phase of an import preview. */
export interface ImportStep {
  phase: ImportPhase;
  done: number;
  total: number;
}
export type ImportProgressFn = (step: ImportStep) => void;

/**
 * Passes steps on at most once per `everyMs`, except that a phase's first step goes out at once
 * and its `end` always does: the admin sees each phase start, and its last word is never lost to
 * the throttle. A step equal to the one just sent is dropped (the reader repeats its last).
 */
export function throttleProgress(send: ImportProgressFn | undefined, everyMs: number, clock: Clock) {
  let last = 0;
  let sent: ImportStep | null = null;
  const pass = (step: ImportStep) => {
    last = clock.now();
    sent = step;
    send?.(step);
  };
  const repeats = (step: ImportStep) =>
    sent?.phase === step.phase && sent.done === step.done && sent.total === step.total;
  return {
    step(step: ImportStep): void {
      if (repeats(step)) return;
      if (step.phase !== sent?.phase || clock.now() - last >= everyMs) pass(step);
    },
    end(step: ImportStep): void {
      if (!repeats(step)) pass(step);
    },
  };
}
