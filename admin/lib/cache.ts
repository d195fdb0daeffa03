import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Edits of the query cache after a write, in one place: the write's answer put into the list
 * it belongs to (no refetch), or the reads it changed marked stale by route.
 */

/** Marks every read of these routes stale (by path, whatever their params): those on screen refetch now. */
export function invalidate(client: QueryClient, ...changed: { path: string }[]): void {
  for (const route of changed) void client.invalidateQueries({ queryKey: [route.path] });
}

/** The cached list at `key` with `item` in place of the row of its id, or added at the end. */
export function putInList<T extends { id: string }>(client: QueryClient, key: QueryKey, item: T): void {
  client.setQueryData<T[]>(key, (list) => {
    if (!list) return [item];
    return list.some((x) => x.id === item.id)
      ? list.map((x) => (x.id === item.id ? item : x))
      : [...list, item];
  });
}

/** The cached list at `key` without the row of this id. */
export function dropFromList<T extends { id: string }>(client: QueryClient, key: QueryKey, id: string): void {
  client.setQueryData<T[]>(key, (list) => list?.filter((x) => x.id !== id));
}
