import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { AuthorStore } from '../../store/authorStore.js';
import type { ChangeStore } from '../../store/changeStore.js';
import type { ContentStore } from '../../store/contentStore.js';
import type { DatasetStore } from '../../store/datasetStore.js';
import type { Db } from '../../store/db.js';
import type { HallStore } from '../../store/hallStore.js';
import type { ProgramStore } from '../../store/programStore.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { ChangeService } from '../delivery/changeService.js';
import type { ManifestService } from '../delivery/manifestService.js';
import { createPreviewService } from '../delivery/previewService.js';
import type { Presence } from '../screens/presence.js';
import type { AuditService } from '../shared/auditService.js';
import { createTargets } from '../shared/targets.js';
import { createCampaignService } from './campaignService.js';
import { createEmergencyService } from './emergencyService.js';
import { createProgramService } from './libraryService.js';
import { createMediaService } from './media/mediaService.js';
import { createProgramImpact } from './programImpact.js';

type Deps = {
  db: Db;
  stores: {
    authors: AuthorStore;
    content: ContentStore;
    programs: ProgramStore;
    halls: HallStore;
    screens: ScreenStore;
    changes: ChangeStore;
    datasets: DatasetStore;
  };
  presence: Presence;
  audit: AuditService;
  changes: ChangeService;
  manifests: ManifestService;
  clock: Clock;
  config: Config;
};

/** The programs issue's services: media, library, campaigns, emergencies and the preview. */
export function createProgramServices({
  db,
  stores,
  presence,
  audit,
  changes,
  manifests,
  clock,
  config,
}: Deps) {
  const { authors, content, programs, halls, screens } = stores;
  const targets = createTargets(halls, screens);
  const impact = createProgramImpact({ authors, content, programs, halls, screens, audit, clock });
  return {
    targets,
    media: createMediaService({
      db,
      content,
      programs,
      audit,
      clock,
      config,
      canvases: () =>
        stores.screens
          .list()
          .filter((s) => s.revokedAt === null)
          .map((s) => ({ width: s.width, height: s.height })),
    }),
    library: createProgramService({ db, content, programs, halls, screens, impact, audit, changes, clock }),
    campaigns: createCampaignService({ db, authors, content, programs, targets, audit, changes, clock }),
    emergencies: createEmergencyService({
      db,
      programs,
      screens,
      changeStore: stores.changes,
      targets,
      presence,
      audit,
      changes,
      clock,
      config,
    }),
    preview: createPreviewService({ screens, halls, datasets: stores.datasets, manifests }),
  };
}
export type ProgramServices = ReturnType<typeof createProgramServices>;
