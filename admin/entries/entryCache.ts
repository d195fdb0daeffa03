import type { QueryClient } from '@tanstack/react-query';
import { api as routes } from '../../core/protocol/routes/index.js';

/**
 * After a withdrawal, a correction or an objection: the entries the search finds, their batch's
 * entries and on-display count (every batch's, when a withdrawal by code may have touched several),
 * and the takedown list when the write took entries down.
 */
export function entriesChanged(client: QueryClient, o: { batchId?: string; takedown: boolean }): void {
  const batch = o.batchId === undefined ? [] : [{ id: o.batchId }];
  const keys: unknown[][] = [
    [routes.entries.search.path],
    [routes.batches.entries.path, ...batch],
    [routes.batches.get.path, ...batch],
  ];
  if (o.takedown) keys.push([routes.takedowns.list.path]);
  for (const queryKey of keys) void client.invalidateQueries({ queryKey });
}
