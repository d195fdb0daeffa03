import type { Alert, ChangeProgress } from '../../core/protocol/events.js';
import type { Dashboard } from '../../core/protocol/operations.js';
import { removeById, upsertById } from '../lib/collections.js';
import { useAdminEvents } from '../lib/socket.js';
import { useResource } from '../lib/useResource.js';
import { operationsApi } from './operationsApi.js';

const RECENT_CHANGES = 10;

/** Newest first; a change already listed is replaced in place. */
export function upsertChange(list: ChangeProgress[], p: ChangeProgress): ChangeProgress[] {
  if (list.some((c) => c.changeId === p.changeId))
    return list.map((c) => (c.changeId === p.changeId ? p : c));
  return [p, ...list].sort((a, b) => b.createdAt - a.createdAt).slice(0, RECENT_CHANGES);
}

const withAlert = (alerts: Alert[], a: Alert) => [a, ...alerts.filter((x) => x.id !== a.id)];

/** The dashboard's data, kept live by /admin events; reloaded on every (re)connect. */
export function useDashboard() {
  const res = useResource(operationsApi.dashboard);
  const patch = (fn: (d: Dashboard) => Dashboard) => res.setData((d) => (d ? fn(d) : d));
  const connected = useAdminEvents(
    {
      'screen:updated': (s) => patch((d) => ({ ...d, screens: upsertById(d.screens, s) })),
      'screen:removed': ({ id }) => patch((d) => ({ ...d, screens: removeById(d.screens, id) ?? [] })),
      'change:progress': (p) => patch((d) => ({ ...d, changes: upsertChange(d.changes, p) })),
      'alert:raised': (a) => patch((d) => ({ ...d, alerts: withAlert(d.alerts, a) })),
      'alert:cleared': ({ id }) => patch((d) => ({ ...d, alerts: d.alerts.filter((a) => a.id !== id) })),
    },
    res.reload,
  );
  return { ...res, connected };
}
