import type { QueryClient } from '@tanstack/react-query';
import type { ScreenStatus } from '../../core/protocol/events.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { routeQuery } from '../lib/client.js';
import { upsertById } from '../lib/collections.js';
import { invalidate } from '../playlists/queries.js';

/**
 * The screens list, one cache entry for 屏幕, 预览, 紧急通知 and 宣传活动; /admin presence
 * events write into the same entry (its key is routeKey(routes.screens.list)).
 */
export const screensQuery = routeQuery(routes.screens.list);

/**
 * After a write that answered with the screen: the row in the cache at once, then what else a
 * screen's name, hall or group shows in (a group's screen count, the previewed manifest).
 */
export function screenSaved(client: QueryClient, screen: ScreenStatus): void {
  client.setQueryData<ScreenStatus[]>(screensQuery.queryKey, (list) => upsertById(list, screen));
  invalidate(client, routes.groups.list, routes.preview.get);
}
