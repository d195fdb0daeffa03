import type { QueryClient } from '@tanstack/react-query';
import { api as routes } from '../../core/protocol/routes/index.js';
import { routeQuery } from '../lib/client.js';

/** The content items, shared by the 内容 tab and the playlist editor's picker. */
export const itemsQuery = routeQuery(routes.items.list);

/**
 * Marks every read of the given routes stale (by path, whatever their params): those on screen
 * refetch now, the others when next shown.
 */
export function invalidate(client: QueryClient, ...changed: { path: string }[]): void {
  for (const route of changed) void client.invalidateQueries({ queryKey: [route.path] });
}
