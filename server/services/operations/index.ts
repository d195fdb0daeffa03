import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { createAlertStore } from '../../store/alertStore.js';
import type { BatchStore } from '../../store/batchStore.js';
import type { ChangeStore } from '../../store/changeStore.js';
import { createCommandStore } from '../../store/commandStore.js';
import type { ContentStore } from '../../store/contentStore.js';
import { createConvergenceStore } from '../../store/convergenceStore.js';
import type { DatasetStore } from '../../store/datasetStore.js';
import type { Db } from '../../store/db.js';
import type { HallStore } from '../../store/hallStore.js';
import type { ProgramStore } from '../../store/programStore.js';
import { createReportStore } from '../../store/reportStore.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { TakedownStore } from '../../store/takedownStore.js';
import { createConvergenceService, MemoryConvergenceTracker } from '../delivery/convergenceService.js';
import { cacheManifests } from '../delivery/manifestCache.js';
import type { ManifestService } from '../delivery/manifestService.js';
import { createCommandService } from '../screens/commandService.js';
import type { Presence } from '../screens/presence.js';
import type { ScreenService } from '../screens/screenService.js';
import type { AuditService } from '../shared/auditService.js';
import { createAlertService, MemoryAlertState } from './alertService.js';
import { createDashboardService } from './dashboardService.js';
import type { Metrics } from './metrics.js';
import { createReportService } from './reportService.js';
import { parseWebhooks } from './webhookFormats.js';
import { createWebhookService } from './webhookService.js';

type Deps = {
  db: Db;
  stores: {
    screens: ScreenStore;
    halls: HallStore;
    changes: ChangeStore;
    content: ContentStore;
    datasets: DatasetStore;
    takedowns: TakedownStore;
    batches: BatchStore;
    programs: ProgramStore;
  };
  presence: Presence;
  audit: AuditService;
  screens: ScreenService;
  manifests: ManifestService;
  clock: Clock;
  config: Config;
  metrics: Metrics;
};

/**
 * Wires the operations side: convergence, alerts and webhooks, remote commands, the
 * dashboard and reports. Their live state (convergence tracker, open alerts) sits behind
 * interfaces with in-memory implementations, one per server instance.
 */
export function createOperations({
  db,
  stores,
  presence,
  audit,
  screens,
  manifests,
  clock,
  config,
  metrics,
}: Deps) {
  const opsStores = {
    alerts: createAlertStore(db),
    commands: createCommandStore(db),
    convergence: createConvergenceStore(db),
    reports: createReportStore(db),
  };
  const cached = cacheManifests(manifests, {
    changes: opsStores.convergence,
    programs: stores.programs,
    clock,
    config,
  });
  const webhooks = createWebhookService({
    targets: parseWebhooks(config.alertWebhooks),
    timeoutMs: config.alertWebhookTimeoutMs,
    dingtalkSecret: config.alertDingtalkSecret,
    clock,
    metrics,
  });
  const alerts = createAlertService({
    alerts: opsStores.alerts,
    screens: stores.screens,
    halls: stores.halls,
    takedowns: stores.takedowns,
    presence,
    webhooks,
    state: new MemoryAlertState(),
    clock,
    config,
  });
  const convergence = createConvergenceService({
    changes: stores.changes,
    store: opsStores.convergence,
    screens: stores.screens,
    presence,
    tracker: new MemoryConvergenceTracker(),
    clock,
    config,
    metrics,
  });
  const commands = createCommandService({
    db,
    commands: opsStores.commands,
    screens: stores.screens,
    presence,
    audit,
    clock,
    config,
  });
  const dashboard = createDashboardService({
    screens,
    screenStore: stores.screens,
    halls: stores.halls,
    content: stores.content,
    datasets: stores.datasets,
    takedowns: stores.takedowns,
    presence,
    alerts,
    convergence,
    manifests: cached,
    clock,
    config,
  });
  const reports = createReportService({
    reports: opsStores.reports,
    screens: stores.screens,
    halls: stores.halls,
    batches: stores.batches,
    takedowns: stores.takedowns,
    presence,
    clock,
  });
  return {
    manifests: cached,
    services: { webhooks, alerts, convergence, commands, dashboard, reports },
  };
}
