import type { QueryClient } from '@tanstack/react-query';
import type { ScreenStatus } from '../../core/protocol/events.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { invalidate, putInList } from '../lib/cache.js';
import { screensQuery } from '../lib/queries.js';

/**
 * After a write that answered with the screen: the row in the cache at once, then what else a
 * screen's name, hall or group shows in (a group's screen count, the previewed manifest).
 */
export function screenSaved(client: QueryClient, screen: ScreenStatus): void {
  putInList(client, screensQuery.queryKey, screen);
  invalidate(client, routes.groups.list, routes.preview.get);
}
