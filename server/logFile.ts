import { existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { addDays, DEFAULT_TIMEZONE, dateIn, dayjs } from '../core/time.js';
import type { Clock } from './clock.js';

/** The file the server writes now; each day's is renamed `hallcast-YYYY-MM-DD.log` at midnight. */
export const LOG_FILE = 'hallcast.log';
const DATED = /^hallcast-(\d{4}-\d{2}-\d{2})(?:\.\d+)?\.log$/;

/** The least retention 等保 asks of a log (GB/T 22239-2019 8.1.4.3: six months, 184 days). */
export const MIN_LOG_RETENTION_DAYS = 184;

export interface LogFileOptions {
  dir: string;
  clock: Clock;
  /** Days of rotated files kept; older ones are deleted at rotation and at start. */
  retentionDays: number;
  /** The day boundary's timezone. */
  timezone?: string;
  /** A file that grows past this starts another for the same day (`hallcast-DAY.N.log`). */
  maxBytes?: number;
}

/** The log files of a log folder, oldest first, the current one last. */
export function logFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const dated = readdirSync(dir)
    .filter((f) => DATED.test(f))
    .sort();
  const current = existsSync(join(dir, LOG_FILE)) ? [LOG_FILE] : [];
  return [...dated, ...current].map((f) => join(dir, f));
}

/** Deletes rotated files whose day is more than `retentionDays` before `today`; returns their names. */
export function pruneLogs(dir: string, today: string, retentionDays: number): string[] {
  const oldest = addDays(today, -retentionDays);
  const gone: string[] = [];
  for (const f of existsSync(dir) ? readdirSync(dir) : []) {
    const day = DATED.exec(f)?.[1];
    if (day && day < oldest) {
      rmSync(join(dir, f), { force: true });
      gone.push(f);
    }
  }
  return gone;
}

/**
 * A pino destination that writes `hallcast.log` and, on the first line of a new day (on the
 * server's clock), renames it to the day it holds and starts a new one, so the log folder keeps
 * one file a day for `retentionDays`; a file past `maxBytes` is rotated within its day too
 * (`hallcast-DAY.1.log`, …). The check is two comparisons a line.
 *
 * Ours rather than pino-roll: rotation here follows the injectable clock (tests move it by days,
 * the day boundary is the hall's timezone), retention is counted in calendar days with a floor
 * 等保 sets (184), where pino-roll keeps a number of files and rotates on its own wall-clock
 * timers in a worker thread; the audit anchors, which must never be deleted, have their own file.
 */
export function openLogFile(opts: LogFileOptions) {
  const tz = opts.timezone ?? DEFAULT_TIMEZONE;
  const midnightAfter = (d: string) => dayjs.tz(addDays(d, 1), tz).valueOf();
  mkdirSync(opts.dir, { recursive: true });
  const path = join(opts.dir, LOG_FILE);
  // Opened here, synchronously: a rename can never race an open still in flight.
  const open = () => pino.destination({ fd: openSync(path, 'a'), sync: false });
  let sonic = open();
  let bytes = existsSync(path) ? statSync(path).size : 0;
  const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  let day = dateIn(opts.clock.now(), tz);
  let next = midnightAfter(day);
  pruneLogs(opts.dir, day, opts.retentionDays);

  function rotate(today: string): void {
    let target = join(opts.dir, `hallcast-${day}.log`);
    for (let n = 1; existsSync(target); n++) target = join(opts.dir, `hallcast-${day}.${n}.log`);
    renameSync(path, target);
    // Lines already handed to the old stream go on into the renamed file as it ends.
    const old = sonic;
    sonic = open();
    bytes = 0;
    old.end();
    day = today;
    next = midnightAfter(today);
    pruneLogs(opts.dir, today, opts.retentionDays);
  }

  return {
    write(line: string): boolean {
      const now = opts.clock.now();
      if (now >= next) rotate(dateIn(now, tz));
      else if (bytes >= maxBytes) rotate(day);
      bytes += Buffer.byteLength(line);
      return sonic.write(line);
    },
    flush: (cb?: (err?: Error) => void) => sonic.flush(cb),
    flushSync: () => sonic.flushSync(),
    end: () => sonic.end(),
    /** Ends the stream and resolves once every line is written and the file closed. */
    close: () =>
      new Promise<void>((ok) => {
        sonic.once('close', () => ok());
        sonic.end();
      }),
  };
}
