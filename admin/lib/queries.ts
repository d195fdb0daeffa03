import { type QueryKey, queryOptions } from '@tanstack/react-query';
import { api } from '../../core/protocol/routes/index.js';
import { type ApiError, toApiError } from './api.js';
import {
  apiKeysApi,
  categoriesApi,
  groupsApi,
  hallsApi,
  programPlaylistsApi,
  usersApi,
} from './endpoints.js';

declare module '@tanstack/react-query' {
  // Every query and mutation fails with an ApiError (listQuery wraps anything else).
  interface Register {
    defaultError: ApiError;
  }
}

/** A list read keyed by its route; a failure always arrives as an ApiError. */
function listQuery<T>(queryKey: QueryKey, load: () => Promise<T[]>, staleTime = 0) {
  return queryOptions({
    queryKey,
    queryFn: () => load().catch((err: unknown) => Promise.reject(toApiError(err))),
    staleTime,
  });
}

/**
 * The halls, one query for every page that shows them. Only the 大厅 page's writes change them
 * and those invalidate it, so it stays fresh for a while across pages.
 */
export const hallsQuery = listQuery([api.halls.list.path], hallsApi.list, 5 * 60_000);
/** Groups carry their screen count, which screen writes change: refetched whenever a page opens. */
export const groupsQuery = listQuery([api.groups.list.path], groupsApi.list);
export const playlistsQuery = listQuery([api.playlists.list.path], programPlaylistsApi.list);
export const usersQuery = listQuery([api.users.list.path], usersApi.list);
// The credit routes are not in the route table yet; their keys follow the same shape.
export const categoriesQuery = listQuery(['/api/categories'], categoriesApi.list);
export const apiKeysQuery = listQuery(['/api/api-keys'], apiKeysApi.list);
