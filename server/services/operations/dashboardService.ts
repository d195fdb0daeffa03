import type { Dataset } from '../../../core/credit/dataset.js';
import type { ScreenStatus } from '../../../core/protocol/events.js';
import type { Dashboard, MirrorData } from '../../../core/protocol/operations.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { notFound } from '../../errors.js';
import type { ContentStore } from '../../store/contentStore.js';
import type { DatasetStore } from '../../store/datasetStore.js';
import type { HallStore } from '../../store/hallStore.js';
import type { Screen, ScreenStore } from '../../store/screenStore.js';
import type { TakedownStore } from '../../store/takedownStore.js';
import type { ConvergenceService } from '../delivery/convergenceService.js';
import type { CachedManifestService } from '../delivery/manifestCache.js';
import { isOpenAt, openingText } from '../screens/openingHours.js';
import type { Presence } from '../screens/presence.js';
import type { ScreenService } from '../screens/screenService.js';
import type { AlertService } from './alertService.js';

type Deps = {
  screens: ScreenService;
  screenStore: ScreenStore;
  halls: HallStore;
  content: Pick<ContentStore, 'getItem'>;
  datasets: Pick<DatasetStore, 'get'>;
  takedowns: Pick<TakedownStore, 'days'>;
  presence: Presence;
  alerts: AlertService;
  convergence: ConvergenceService;
  manifests: CachedManifestService;
  clock: Clock;
  config: Pick<Config, 'offlineAfterMs'>;
};

/** Campaign copies travel as `<item>@<hash>`, emergencies as `emergency-<id>`. */
function itemName(content: Deps['content'], id: string | null): string | null {
  if (!id) return null;
  if (id.startsWith('emergency-')) return '紧急通知';
  return content.getItem(id.split('@')[0]!)?.name ?? null;
}

/** The operations dashboard's read side: screens with their live presence, halls, the mirror. */
export function createDashboardService(d: Deps) {
  function status(row: Screen): ScreenStatus {
    const base = d.screens.status(row);
    const p = d.presence.get(row.id);
    return {
      ...base,
      currentItemName: itemName(d.content, base.currentItem),
      page: p?.page ?? null,
      stateAt: p?.stateAt ?? null,
      reportedCanvas: p?.canvas ?? null,
      cache: p?.cache ?? null,
      lastError: p?.lastError ?? null,
      connectedAt: p?.connectedAt ?? null,
      alert: d.alerts.openFor(row.id) ?? null,
    };
  }

  return {
    status,
    screens: () => d.screenStore.list().map(status),
    dashboard(): Dashboard {
      const now = d.clock.now();
      const dayKind = (date: string) => d.takedowns.days(date, date)[0]?.kind;
      return {
        serverTime: now,
        halls: d.halls.listHalls().map((h) => ({
          id: h.id,
          name: h.name,
          timezone: h.timezone,
          openNow: isOpenAt(h, now, dayKind),
          openingText: openingText(h.openingHours),
        })),
        screens: d.screenStore.list().map(status),
        alerts: d.alerts.list('open', 200),
        changes: d.convergence.recent(10),
        offlineAfterMs: d.config.offlineAfterMs,
      };
    },
    /** What the screen holds, for the live mirror: its manifest and the list datasets it names. */
    mirror(screenId: string): MirrorData {
      const row = d.screenStore.get(screenId);
      if (!row || row.revokedAt !== null) throw notFound('屏幕');
      const manifest = d.manifests.build(row);
      const datasets = manifest.datasets.flatMap((m): Dataset[] => {
        const body = d.datasets.get(m.hash)?.body;
        return body ? [JSON.parse(body) as Dataset] : [];
      });
      return { manifest, datasets };
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
