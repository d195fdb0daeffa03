import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A request over a child's IPC channel; the child answers with the same id. */
export interface Request {
  id: number;
  cmd: string;
  args?: unknown;
}
export interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

/** Calls into a child process (fork) and awaits its answer. */
export function caller(child: ChildProcess) {
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error) w.reject(new Error(m.error));
    else w.resolve(m.result);
  });
  child.on('exit', (code) => {
    for (const w of waiting.values()) w.reject(new Error(`child exited (${code})`));
    waiting.clear();
  });
  return <T>(cmd: string, args?: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, cmd, args } satisfies Request);
    });
}

/** Serves requests from the parent in a child process. */
export function serve(handlers: Record<string, (args: never) => unknown>): void {
  process.on('message', async (m: Request) => {
    const handler = handlers[m.cmd];
    try {
      if (!handler) throw new Error(`unknown command ${m.cmd}`);
      process.send?.({ id: m.id, result: await handler(m.args as never) } satisfies Reply);
    } catch (err) {
      process.send?.({ id: m.id, error: (err as Error).stack ?? String(err) } satisfies Reply);
    }
  });
}

/** Peak resident set size of this process so far (VmHWM), in MB. */
export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // Not Linux: fall back to the current RSS.
  }
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

/** Heap in use after a full collection (the child runs with --expose-gc). */
export function settledHeap(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) gc?.();
  return process.memoryUsage().heapUsed;
}

/** Nearest-rank percentile. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
