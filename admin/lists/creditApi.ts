import { api as routes } from '../../core/protocol/routes/index.js';
import { call } from '../lib/client.js';

/**
 * Left only for the two callers outside the credit pages that still import these through
 * admin/lib/endpoints.ts (admin/playlists/ItemsTab.tsx, admin/reports/ListDisplayTab.tsx).
 * Delete this file, and its line in endpoints.ts, once they read categoriesQuery and the
 * batches route through TanStack Query.
 */
export const categoriesApi = { list: () => call(routes.categories.list) };
export const batchesApi = { list: () => call(routes.batches.list) };
