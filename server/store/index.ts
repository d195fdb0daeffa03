import { createAuditStore } from './auditStore.js';
import { createAuthorStore } from './authorStore.js';
import { createBatchStore } from './batchStore.js';
import { createBootReportStore } from './bootReportStore.js';
import { createChangeStore } from './changeStore.js';
import { createContentStore } from './contentStore.js';
import { createCreditStore } from './creditStore.js';
import { createDatasetStore } from './datasetStore.js';
import type { Db } from './db.js';
import { createHallStore } from './hallStore.js';
import { createPlayStore } from './playStore.js';
import { createProgramStore } from './programStore.js';
import { createScreenStore } from './screenStore.js';
import { createSessionStore } from './sessionStore.js';
import { createSettingsStore } from './settingsStore.js';
import { createApiKeyStore, createTakedownStore } from './takedownStore.js';
import { createUserStore } from './userStore.js';

/** One prepared-statement module per aggregate, over one database handle. */
export function createStores(db: Db) {
  return {
    users: createUserStore(db),
    sessions: createSessionStore(db),
    halls: createHallStore(db),
    screens: createScreenStore(db),
    content: createContentStore(db),
    credit: createCreditStore(db),
    datasets: createDatasetStore(db),
    changes: createChangeStore(db),
    audit: createAuditStore(db),
    settings: createSettingsStore(db),
    plays: createPlayStore(db),
    batches: createBatchStore(db),
    takedowns: createTakedownStore(db),
    apiKeys: createApiKeyStore(db),
    programs: createProgramStore(db),
    authors: createAuthorStore(db),
    bootReports: createBootReportStore(db),
  };
}
export type Stores = ReturnType<typeof createStores>;
