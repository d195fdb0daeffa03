import type { Logger } from 'pino';
import { addDays, dateIn } from '../../core/time.js';
import type { Config } from '../config.js';
import type { Realtime } from '../realtime/index.js';
import type { Services } from '../services/index.js';
import { appendAnchor } from '../services/shared/auditAnchors.js';

const DAY = 86_400_000;

/**
 * Timers: presence flush, offline detection and alerts, convergence timeouts, admin session
 * re-checks, uptime samples, expiry of entries, the audit head in the log, purge of sessions and
 * codes, retention of operations records, and the sweep of expired or closed import previews.
 */
export function startJobs(s: Services, realtime: Realtime, config: Config, log: Logger) {
  s.webhooks.attachLog(log);
  const flush = () => s.screens.flushPresence();
  const expireEntries = () => {
    const change = s.credit.batches.expire();
    if (!change) return;
    s.changes.publish(change);
    log.info({ changeId: change.changeId }, 'datasets rebuilt on expiry');
  };
  const retention = () => {
    const before = s.clock.now() - config.operationsRetentionDays * DAY;
    const samples = s.reports.purge(addDays(dateIn(s.clock.now()), -config.operationsRetentionDays));
    const alerts = s.alerts.purge(before);
    const commands = s.commands.purge(before);
    if (samples + alerts + commands > 0) log.info({ samples, alerts, commands }, 'operations records purged');
    s.plays.purge(s.clock.now() - config.playRetentionDays * DAY).then(
      (plays) => plays > 0 && log.info({ plays }, 'proof of play past its retention purged'),
      (err) => log.error({ err, job: 'retention' }, 'job failed'),
    );
  };
  const guard = (name: string, fn: () => void) => () => {
    try {
      fn();
    } catch (err) {
      log.error({ err, job: name }, 'job failed');
    }
  };
  const every = (ms: number, name: string, fn: () => void) => setInterval(guard(name, fn), ms);
  const timers = [
    every(config.presenceFlushMs, 'presence-flush', flush),
    every(Math.max(250, Math.floor(config.offlineAfterMs / 4)), 'offline', () => realtime.expirePresence()),
    every(Math.max(250, Math.min(5_000, Math.floor(config.convergenceTimeoutMs / 10))), 'convergence', () =>
      realtime.convergenceTick(),
    ),
    every(config.adminSessionCheckMs, 'admin-sessions', () => realtime.checkAdminSessions()),
    every(config.uptimeSampleMs, 'uptime-sample', () => s.reports.sample()),
    every(config.expiryCheckMs, 'expiry', expireEntries),
    // Anchors the audit chain outside the database: a rewritten chain no longer ends where the log says.
    every(config.auditAnchorMs, 'audit-anchor', () => {
      const head = s.audit.head();
      log.info({ auditHead: head }, 'audit head');
      appendAnchor(config.dataDir, head, s.clock.now());
    }),
    every(10 * 60_000, 'purge', () => s.auth.purge()),
    // Expired and closed import previews leave the staging tables, a slice at a time.
    every(config.expiryCheckMs, 'import-staging', () => {
      s.credit.imports.sweep().catch((err) => log.error({ err, job: 'import-staging' }, 'job failed'));
    }),
    every(config.retentionCheckMs, 'retention', retention),
    every(config.backupCheckMs, 'backup', () => {
      s.backups.runIfDue().then(
        (r) => r && log.info({ dir: r.dir, pruned: r.pruned }, 'scheduled backup written'),
        (err) => log.error({ err, job: 'backup' }, 'scheduled backup failed'),
      );
    }),
  ];
  for (const t of timers) t.unref();
  return {
    stop: () => {
      for (const t of timers) clearInterval(t);
      s.webhooks.close();
    },
    flush: guard('presence-flush', flush),
    expireEntries,
  };
}
