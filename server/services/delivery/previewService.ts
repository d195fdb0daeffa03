import type { Dataset } from '../../../core/credit/dataset.js';
import type { Preview } from '../../../core/protocol/programs.js';
import { resolve } from '../../../core/schedule/index.js';
import { DEFAULT_TIMEZONE, dayjs } from '../../../core/time.js';
import { badRequest, notFound } from '../../errors.js';
import type { DatasetStore } from '../../store/datasetStore.js';
import type { HallStore } from '../../store/hallStore.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { ManifestService } from './manifestService.js';

type Deps = { screens: ScreenStore; halls: HallStore; datasets: DatasetStore; manifests: ManifestService };

/** Time travel: a screen's manifest as it would be at an instant, and what plays then. */
export function createPreviewService({ screens, halls, datasets, manifests }: Deps) {
  return {
    /** `at` is epoch ms or a wall time YYYY-MM-DDTHH:mm in `timezone` (default: the screen's). */
    preview(screenId: string, at: string, timezone?: string): Preview {
      const screen = screens.get(screenId);
      if (!screen || screen.revokedAt !== null) throw notFound('屏幕');
      const zone = timezone ?? halls.getHall(screen.hallId)?.timezone ?? DEFAULT_TIMEZONE;
      const instant = /^\d+$/.test(at) ? Number(at) : dayjs.tz(at, zone).valueOf();
      if (!Number.isFinite(instant)) throw badRequest('bad_instant', '无法识别的预览时间');
      const manifest = manifests.build(screen, instant);
      const slot = resolve(
        manifest.schedule,
        { id: manifest.screenId, timezone: manifest.timezone },
        instant,
      );
      const lists = manifest.datasets.flatMap((d): Dataset[] => {
        const row = datasets.get(d.hash);
        return row ? [JSON.parse(row.body) as Dataset] : [];
      });
      return { at: instant, timezone: manifest.timezone, manifest, slot, datasets: lists };
    },
  };
}
export type PreviewService = ReturnType<typeof createPreviewService>;
