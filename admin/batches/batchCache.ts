import type { QueryClient } from '@tanstack/react-query';
import type { Batch, BatchDetail } from '../../core/protocol/credit.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { routeKey } from '../lib/client.js';

/**
 * What each batch write changes in the query cache. A batch's own reads are keyed by its id
 * (`[path, { id }]` matches every page of its entries); the lists are invalidated by their path.
 */
const detailKey = (id: string) => routeKey(routes.batches.get, { params: { id } });
const invalidate = (client: QueryClient, ...keys: unknown[][]) => {
  for (const queryKey of keys) void client.invalidateQueries({ queryKey });
};

/** Submitted, approved or rejected: the detail from the answer; the list and its entries (their batchStatus) refetch. */
export function batchChanged(client: QueryClient, next: Batch): void {
  client.setQueryData<BatchDetail>(detailKey(next.id), (current) => current && { ...current, ...next });
  invalidate(client, [routes.batches.list.path], [routes.batches.entries.path, { id: next.id }]);
}

/** Published: as a change, and also what is on display and the published entries the search finds. */
export function batchPublished(client: QueryClient, next: Batch): void {
  batchChanged(client, next);
  invalidate(client, [routes.batches.get.path, { id: next.id }], [routes.entries.search.path]);
}

/** One of its entries edited or its anomaly accepted: the entries, the batch (status, counts), the lists. */
export function batchEntryChanged(client: QueryClient, batchId: string): void {
  invalidate(
    client,
    [routes.batches.entries.path, { id: batchId }],
    [routes.batches.get.path, { id: batchId }],
    [routes.batches.list.path],
    [routes.entries.search.path],
  );
}

/** A new draft batch (an import confirmed, an entry corrected): its detail is the answer; the list refetches. */
export function batchCreated(client: QueryClient, batch: BatchDetail): void {
  client.setQueryData(detailKey(batch.id), batch);
  invalidate(client, [routes.batches.list.path]);
}

/** Deleted: the list refetches (the page leaves the batch's own reads to expire). */
export function batchRemoved(client: QueryClient): void {
  invalidate(client, [routes.batches.list.path]);
}
