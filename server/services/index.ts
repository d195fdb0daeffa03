import { join } from 'node:path';
import { DEFAULT_TIMEZONE, dayjs } from '../../core/time.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Secrets } from '../secrets.js';
import type { Db } from '../store/db.js';
import type { Stores } from '../store/index.js';
import { WriteBatch } from '../store/writeBatch.js';
import { createAuthService } from './access/authService.js';
import { createPasswordPolicy } from './access/passwordPolicy.js';
import { createUserService } from './access/userService.js';
import { createBatchService } from './credit/batchService.js';
import { createCreditImportService } from './credit/import/importService.js';
import { createPlatformService } from './credit/platformService.js';
import { createWithdrawService } from './credit/withdrawService.js';
import { createChangeService } from './delivery/changeService.js';
import { createDatasetService } from './delivery/datasetService.js';
import { createManifestService } from './delivery/manifestService.js';
import { createScheduledBackups } from './operations/backup.js';
import { createOperations } from './operations/index.js';
import { createMetrics } from './operations/metrics.js';
import { createProgramServices } from './programs/index.js';
import { createProgramFeed } from './programs/programFeed.js';
import { createBootReportService } from './screens/bootReportService.js';
import { createHallService } from './screens/hallService.js';
import { MemoryPresence, type Presence } from './screens/presence.js';
import { createScreenService } from './screens/screenService.js';
import { createSnapshotService } from './screens/snapshotService.js';
import { createAuditService } from './shared/auditService.js';
import { readKek } from './shared/crypto/kek.js';
import { EventBus } from './shared/events.js';
import { createIdentifierHasher } from './shared/identifiers.js';
import { createSecretHasher } from './shared/secretHash.js';

/**
 * Wires the services of one server instance over its stores. The result holds no `db` and no
 * store: http, realtime and jobs reach the data only through these services.
 */
export function createServices(
  db: Db,
  stores: Stores,
  config: Config,
  clock: Clock,
  secrets: Secrets,
  publicUrl: () => string,
) {
  const bus = new EventBus();
  const presence: Presence = new MemoryPresence(clock);
  const audit = createAuditService(stores.audit, secrets.auditKey, clock, config.crypto);
  const changes = createChangeService({ changes: stores.changes, screens: stores.screens, bus, clock });
  const passwords = createPasswordPolicy(config.passwordMinScore);
  const hashes = createSecretHasher(config.crypto);
  const auth = createAuthService({
    hashes,
    users: stores.users,
    sessions: stores.sessions,
    audit,
    bus,
    clock,
    config,
    passwords,
  });
  const users = createUserService({
    users: stores.users,
    sessions: stores.sessions,
    audit,
    bus,
    clock,
    passwords,
  });
  const halls = createHallService({
    db,
    halls: stores.halls,
    screens: stores.screens,
    content: stores.content,
    audit,
    changes,
    clock,
  });
  const screens = createScreenService({
    hashes,
    db,
    screens: stores.screens,
    halls: stores.halls,
    presence,
    changes,
    audit,
    bus,
    clock,
    config,
    publicUrl,
  });
  const datasets = createDatasetService(stores.credit, stores.datasets, clock, config.datasetCacheBytes);
  const baseManifests = createManifestService({
    halls: stores.halls,
    content: stores.content,
    datasets: stores.datasets,
    settings: stores.settings,
    programs: createProgramFeed(stores.programs, stores.content),
    clock,
    config,
  });
  const metrics = createMetrics();
  // Rows checked by imports, counted as each preview finishes its checking.
  bus.on((e) => {
    if (
      e.type === 'import:progress' &&
      e.progress.phase === 'checking' &&
      e.progress.done === e.progress.total
    )
      metrics.importedRows(e.progress.total);
  });
  const ops = createOperations({
    db,
    stores,
    presence,
    audit,
    screens,
    manifests: baseManifests,
    clock,
    config,
    metrics,
  });
  const manifests = ops.manifests;
  const programs = createProgramServices({ db, stores, presence, audit, changes, manifests, clock, config });
  const credit = createCreditServices();
  function createCreditServices() {
    const batches = createBatchService({
      db,
      authors: stores.authors,
      batches: stores.batches,
      credit: stores.credit,
      screens: stores.screens,
      datasets,
      changes,
      audit,
      clock,
    });
    const identifiers = createIdentifierHasher(secrets.identifierKey, config.crypto, (suite) =>
      stores.credit.codeSuiteInUse(suite),
    );
    const common = { db, audit, clock, identifiers };
    return {
      batches,
      imports: createCreditImportService({
        ...common,
        credit: stores.credit,
        batches: stores.batches,
        config,
        bus,
      }),
      withdrawals: createWithdrawService({
        ...common,
        batches: stores.batches,
        batchService: batches,
        credit: stores.credit,
        takedowns: stores.takedowns,
        changeStore: stores.changes,
        screens: stores.screens,
        presence,
        changes,
      }),
      platform: createPlatformService({
        hashes,
        db,
        credit: stores.credit,
        datasets: stores.datasets,
        takedowns: stores.takedowns,
        apiKeys: stores.apiKeys,
        auditStore: stores.audit,
        users: stores.users,
        audit,
        batchService: batches,
        changes,
        clock,
      }),
    };
  }
  const dbHealthy = () => {
    try {
      db.prepare('SELECT 1').get();
      return db.open;
    } catch {
      return false;
    }
  };
  return {
    bus,
    /** The small writes acks cause, committed together (one transaction per event-loop turn). */
    writes: new WriteBatch(db),
    /** Kiosk screenshots, one per screen in <data dir>/snapshots. */
    snapshots: createSnapshotService({ dir: join(config.dataDir, 'snapshots'), clock }),
    /** Proof of play as players report it (ids make resends idempotent). */
    plays: {
      record: stores.plays.insertMany,
      /**
       * Proof of play older than `before`, deleted a slice at a time with a yield between, so a
       * purge of years of plays never stalls the server. Returns how many went.
       */
      async purge(before: number, slice = 5_000): Promise<number> {
        let total = 0;
        for (;;) {
          const n = stores.plays.purgeSlice(before, slice);
          total += n;
          if (n < slice) return total;
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
      },
    },
    presence,
    audit,
    changes,
    auth,
    users,
    halls,
    screens,
    /** What boxes that cannot run the player report from its page's boot script. */
    bootReports: createBootReportService({ reports: stores.bootReports, clock, config }),
    datasets,
    manifests,
    credit,
    programs,
    ...ops.services,
    clock,
    secrets,
    dbHealthy,
    metrics,
    /** Scheduled backups into HALLCAST_BACKUP_DIR (operations/backup.ts). */
    backups: createScheduledBackups({
      db,
      dataDir: config.dataDir,
      backupDir: config.backupDir,
      intervalMs: config.backupIntervalMs,
      keep: config.backupKeep,
      kek: () => (config.kekFile ? readKek(config.kekFile) : null),
      suite: config.crypto,
      now: () => clock.now(),
      stamp: (at) => dayjs(at).tz(DEFAULT_TIMEZONE).format('YYYYMMDD-HHmmss'),
    }),
  };
}
export type Services = ReturnType<typeof createServices>;
/** What a composition root holds (main, the CLI, boot steps, the demo seed): the services with their database and stores. */
export type Wired = Services & { db: Db; stores: Stores };
