import { api } from '../../core/protocol/routes/index.js';
import type { ApiError } from './api.js';
import { routeQuery } from './client.js';
import { liveQuery } from './liveCache.js';

declare module '@tanstack/react-query' {
  // Every query and mutation fails with an ApiError (the client throws nothing else).
  interface Register {
    defaultError: ApiError;
  }
}

/**
 * The reads several pages share, one cache entry each. Pages that need one of these use it from
 * here (never a second query of the same route), and writes invalidate by the route's path:
 * `queryClient.invalidateQueries({ queryKey: [api.halls.list.path] })`.
 */

/** Only the 大厅 page's writes change the halls, and those invalidate them: fresh for a while across pages. */
export const hallsQuery = { ...routeQuery(api.halls.list), staleTime: 5 * 60_000 };
/** Groups carry their screen count, which screen writes change: refetched whenever a page opens. */
export const groupsQuery = routeQuery(api.groups.list);
export const playlistsQuery = routeQuery(api.playlists.list);
export const usersQuery = routeQuery(api.users.list);
export const categoriesQuery = routeQuery(api.categories.list);
export const apiKeysQuery = routeQuery(api.apiKeys.list);
/** The screens with their live status: /admin presence events write into this entry (liveWriters.ts). */
export const screensQuery = liveQuery(api.screens.list);
/** The content items, shared by the 内容 tab and the playlist editor's picker. */
export const itemsQuery = routeQuery(api.items.list);
/** The media library, shared by 媒体库 and the content form's file picker. */
export const mediaQuery = routeQuery(api.media.list);
/** The member units: read by the import wizard and the 成员单位 tab. */
export const unitsQuery = routeQuery(api.units.list);
/** Display names for the user ids a batch or takedown carries; every role may read them. */
export const userNamesQuery = routeQuery(api.users.names);
