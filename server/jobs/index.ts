import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Realtime } from '../realtime/index.js';
import type { Services } from '../services/index.js';

/** Timers: presence flush, offline detection, expiry of entries, purge of sessions and codes. */
export function startJobs(s: Services, realtime: Realtime, config: Config, log: Logger) {
  const flush = () => {
    const dirty = s.presence.drainDirty();
    if (dirty.length > 0) s.stores.screens.flushPresence(dirty);
  };
  const expireEntries = () => {
    const change = s.credit.batches.expire();
    if (!change) return;
    s.changes.publish(change);
    log.info({ changeId: change.changeId }, 'datasets rebuilt on expiry');
  };
  const guard = (name: string, fn: () => void) => () => {
    try {
      fn();
    } catch (err) {
      log.error({ err, job: name }, 'job failed');
    }
  };
  const timers = [
    setInterval(guard('presence-flush', flush), config.presenceFlushMs),
    setInterval(
      guard('offline', () => realtime.expirePresence()),
      Math.max(250, Math.floor(config.offlineAfterMs / 4)),
    ),
    setInterval(guard('expiry', expireEntries), config.expiryCheckMs),
    setInterval(
      guard('purge', () => s.auth.purge()),
      10 * 60_000,
    ),
  ];
  for (const t of timers) t.unref();
  return {
    stop: () => {
      for (const t of timers) clearInterval(t);
    },
    flush: guard('presence-flush', flush),
    expireEntries,
  };
}
