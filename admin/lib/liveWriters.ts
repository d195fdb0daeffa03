import type { QueryClient } from '@tanstack/react-query';
import type {
  Alert,
  ChangeProgress,
  CommandResult,
  ScreenStatus,
  ServerToAdmin,
} from '../../core/protocol/events.js';
import type { Dashboard } from '../../core/protocol/operations.js';
import { api as routes } from '../../core/protocol/routes/index.js';
import { routeKey } from './client.js';

/** As many changes as the dashboard route lists (the server's `recent(10)`). */
const RECENT_CHANGES = 10;
/** The changes route's default limit (LimitQuery). */
const DEFAULT_LIMIT = 30;

/** The list with `item` in place of the one it matches, or added first. */
function put<T>(list: T[], item: T, same: (x: T) => boolean): T[] {
  return list.some(same) ? list.map((x) => (same(x) ? item : x)) : [item, ...list];
}

/** Newest first; a change already listed is replaced in place; at most `max`. */
export function upsertChange(
  list: ChangeProgress[],
  p: ChangeProgress,
  max = RECENT_CHANGES,
): ChangeProgress[] {
  if (list.some((c) => c.changeId === p.changeId))
    return list.map((c) => (c.changeId === p.changeId ? p : c));
  return [p, ...list].sort((a, b) => b.createdAt - a.createdAt).slice(0, max);
}

const dashboardKey = routeKey(routes.dashboard.get);
const screensKey = routeKey(routes.screens.list);

function patchDashboard(qc: QueryClient, fn: (d: Dashboard) => Dashboard): void {
  qc.setQueryData<Dashboard>(dashboardKey, (d) => d && fn(d));
}

/** Each cached read of a route with a query, with that query (the third part of its key). */
function eachQuery<Q>(qc: QueryClient, path: string): Array<{ key: readonly unknown[]; query: Partial<Q> }> {
  return qc
    .getQueryCache()
    .findAll({ queryKey: [path] })
    .map((q) => ({ key: q.queryKey, query: (q.queryKey[2] ?? {}) as Partial<Q> }));
}

/** An alert as it now stands: open ones listed (replaced in place), cleared ones only where all are listed. */
export function putAlert(qc: QueryClient, a: Alert): void {
  const same = (x: Alert) => x.id === a.id;
  const open = (list: Alert[]) => (a.clearedAt ? list.filter((x) => !same(x)) : put(list, a, same));
  patchDashboard(qc, (d) => ({ ...d, alerts: open(d.alerts) }));
  for (const { key, query } of eachQuery<{ status: 'open' | 'all' }>(qc, routes.alerts.list.path))
    qc.setQueryData<Alert[]>(
      key,
      (list) => list && (query.status === 'all' ? put(list, a, same) : open(list)),
    );
}

/** A command's result first in that screen's log. */
export function putCommand(qc: QueryClient, r: CommandResult): void {
  qc.setQueriesData<CommandResult[]>(
    { queryKey: [routes.screens.commands.path, { id: r.screenId }] },
    (list) => list && put(list, r, (x) => x.id === r.id),
  );
}

function putScreen(qc: QueryClient, s: ScreenStatus): void {
  const same = (x: ScreenStatus) => x.id === s.id;
  const before =
    qc.getQueryData<Dashboard>(dashboardKey)?.screens.find(same) ??
    qc.getQueryData<ScreenStatus[]>(screensKey)?.find(same);
  patchDashboard(qc, (d) => ({ ...d, screens: put(d.screens, s, same) }));
  qc.setQueryData<ScreenStatus[]>(screensKey, (list) => list && put(list, s, same));
  // A new revision on screen means a new manifest to mirror.
  if (before && before.renderedRevision !== s.renderedRevision)
    void qc.invalidateQueries({ queryKey: routeKey(routes.screens.mirror, { params: { id: s.id } }) });
}

function removeScreen(qc: QueryClient, id: string): void {
  const other = (x: ScreenStatus) => x.id !== id;
  patchDashboard(qc, (d) => ({ ...d, screens: d.screens.filter(other) }));
  qc.setQueryData<ScreenStatus[]>(screensKey, (list) => list?.filter(other));
  qc.removeQueries({ queryKey: routeKey(routes.screens.mirror, { params: { id } }) });
  qc.removeQueries({ queryKey: [routes.screens.commands.path, { id }] });
}

const counts = (p: ChangeProgress | undefined) => p && [p.received, p.rendered, p.offline, p.timedOut].join();

function putChange(qc: QueryClient, p: ChangeProgress): void {
  const before = qc.getQueryData<Dashboard>(dashboardKey)?.changes.find((c) => c.changeId === p.changeId);
  patchDashboard(qc, (d) => ({ ...d, changes: upsertChange(d.changes, p) }));
  for (const { key, query } of eachQuery<{ limit: number }>(qc, routes.changes.list.path))
    qc.setQueryData<ChangeProgress[]>(
      key,
      (list) => list && upsertChange(list, p, query.limit ?? DEFAULT_LIMIT),
    );
  // The per-screen detail moves with the counts: refetched if its drawer is open.
  if (counts(before) === counts(p)) return;
  void qc.invalidateQueries({ queryKey: routeKey(routes.changes.get, { params: { id: p.changeId } }) });
}

type Writers = {
  [E in keyof ServerToAdmin]?: (qc: QueryClient, payload: Parameters<ServerToAdmin[E]>[0]) => void;
};

/** How each /admin event changes the cached reads (the events not listed change none). */
export const liveWriters: Writers = {
  'screen:updated': putScreen,
  'screen:removed': (qc, { id }) => removeScreen(qc, id),
  'change:progress': putChange,
  'alert:raised': putAlert,
  'alert:cleared': (qc, { alert, at }) => putAlert(qc, { ...alert, clearedAt: alert.clearedAt ?? at }),
  'command:result': putCommand,
};

/** The routes whose cached reads the writers above keep current. */
export const LIVE_PATHS: ReadonlySet<unknown> = new Set<string>([
  routes.dashboard.get.path,
  routes.screens.list.path,
  routes.alerts.list.path,
  routes.changes.list.path,
  routes.changes.get.path,
  routes.screens.commands.path,
  routes.screens.mirror.path,
]);
