import { api } from '../../core/protocol/routes/index.js';
import type { ApiError } from './api.js';
import { routeQuery } from './client.js';

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
