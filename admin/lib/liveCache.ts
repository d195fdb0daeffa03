import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ServerToAdmin } from '../../core/protocol/events.js';
import type { Route, RouteSpec } from '../../core/protocol/route.js';
import { type CallArgs, routeQuery } from './client.js';
import { LIVE_PATHS, liveWriters } from './liveWriters.js';
import {
  type AdminSocket,
  getAdminSocket,
  type LiveStatus,
  parseAdminEvent,
  useLiveStatus,
} from './socket.js';

const isLive = (query: { queryKey: readonly unknown[] }) => LIVE_PATHS.has(query.queryKey[0]);

/**
 * Query options for a read the /admin events keep current (liveWriters.ts): never stale by time,
 * so no refetch on focus, on an interval or on remount while the socket is up. While it is
 * down these reads are marked stale, and on reconnect the mounted ones refetch once.
 */
export function liveQuery<S extends RouteSpec & { method: 'get' }>(route: Route<S>, ...args: CallArgs<S>) {
  return { ...routeQuery(route, ...args), staleTime: Number.POSITIVE_INFINITY };
}

/**
 * Writes every /admin event into the cached reads it updates. A lost connection marks the live
 * reads stale (what a page opens meanwhile is fetched); the reconnect refetches the mounted ones
 * once, to catch up on what was missed. The first connect refetches nothing: the reads a page
 * starts with are fetched as it mounts.
 */
function bindCache(queryClient: QueryClient, s: AdminSocket): () => void {
  let lost = false;
  const onAny = (event: string, payload: unknown) => {
    const write = liveWriters[event as keyof ServerToAdmin] as
      | ((qc: QueryClient, p: unknown) => void)
      | undefined;
    if (!write) return;
    const r = parseAdminEvent(event, payload);
    if (r.ok) write(queryClient, r.data);
  };
  const down = () => {
    if (lost) return;
    lost = true;
    void queryClient.invalidateQueries({ predicate: isLive, refetchType: 'none' });
  };
  const up = () => {
    if (!lost) return;
    lost = false;
    void queryClient.invalidateQueries({ predicate: isLive });
  };
  s.onAny(onAny);
  s.on('connect', up);
  s.on('disconnect', down);
  s.on('connect_error', down);
  return () => {
    s.offAny(onAny);
    s.off('connect', up);
    s.off('disconnect', down);
    s.off('connect_error', down);
    // Nothing writes the events into these reads any more: the next look at them fetches.
    void queryClient.invalidateQueries({ predicate: isLive, refetchType: 'none' });
  };
}

const bindings = new Map<QueryClient, { users: number; stop: () => void }>();

/**
 * Keeps the query cache live while any component using it is mounted (the layout's
 * AlertNotifier holds it on every signed-in page) and returns the connection's status.
 */
export function useLiveCache(): LiveStatus {
  const queryClient = useQueryClient();
  useEffect(() => {
    const binding = bindings.get(queryClient) ?? { users: 0, stop: bindCache(queryClient, getAdminSocket()) };
    bindings.set(queryClient, binding);
    binding.users += 1;
    return () => {
      binding.users -= 1;
      if (binding.users > 0) return;
      binding.stop();
      bindings.delete(queryClient);
    };
  }, [queryClient]);
  return useLiveStatus();
}
