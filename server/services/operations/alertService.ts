import { randomUUID } from 'node:crypto';
import type { Alert, AlertCleared } from '../../../core/protocol/events.js';
import { DEFAULT_TIMEZONE } from '../../../core/time.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { AlertRecord, AlertStore } from '../../store/alertStore.js';
import type { HallStore } from '../../store/hallStore.js';
import type { Screen, ScreenStore } from '../../store/screenStore.js';
import type { TakedownStore } from '../../store/takedownStore.js';
import { type CalendarKind, isOpenAt } from '../screens/openingHours.js';
import type { Presence } from '../screens/presence.js';
import type { WebhookService } from './webhookService.js';

/** Which screens have an open alert; in memory here, Redis-backed when scaled out. */
export interface AlertState {
  openFor(screenId: string): { id: string; raisedAt: number } | undefined;
  setOpen(screenId: string, alert: { id: string; raisedAt: number }): void;
  clear(screenId: string): void;
  screens(): string[];
}

export class MemoryAlertState implements AlertState {
  private open = new Map<string, { id: string; raisedAt: number }>();
  openFor(screenId: string) {
    return this.open.get(screenId);
  }
  setOpen(screenId: string, alert: { id: string; raisedAt: number }): void {
    this.open.set(screenId, alert);
  }
  clear(screenId: string): void {
    this.open.delete(screenId);
  }
  screens(): string[] {
    return [...this.open.keys()];
  }
}

export type AlertEvent = { type: 'raised'; alert: Alert } | { type: 'cleared'; payload: AlertCleared };

type Deps = {
  alerts: AlertStore;
  screens: ScreenStore;
  halls: HallStore;
  takedowns: Pick<TakedownStore, 'days'>;
  presence: Presence;
  webhooks: WebhookService;
  state: AlertState;
  clock: Clock;
  config: Pick<Config, 'offlineAfterMs'>;
};

/**
 * Dark-screen alerts: a screen with no sign of life for `offlineAfterMs` (two missed
 * heartbeats) raises one alert while its hall is open — in the admin and by webhook — and
 * one recovery notice when it is back. Outside opening hours nothing is raised; a screen still
 * dark when the hall opens is raised then.
 */
export function createAlertService(d: Deps) {
  const listeners = new Set<(e: AlertEvent) => void>();
  const emit = (e: AlertEvent) => {
    for (const l of listeners) l(e);
  };
  for (const row of d.alerts.open()) d.state.setOpen(row.screenId, { id: row.id, raisedAt: row.raisedAt });

  function toAlert(r: AlertRecord): Alert {
    const screen = d.screens.get(r.screenId);
    return {
      id: r.id,
      kind: r.kind,
      screenId: r.screenId,
      screenName: screen?.name ?? r.screenId,
      hallId: r.hallId,
      hallName: d.halls.getHall(r.hallId)?.name ?? '',
      message: r.message,
      at: r.raisedAt,
      lastSeenAt: r.lastSeenAt,
      clearedAt: r.clearedAt,
      acknowledgedBy: r.acknowledgedBy,
      acknowledgedAt: r.acknowledgedAt,
    };
  }
  const timezoneOf = (hallId: string) => d.halls.getHall(hallId)?.timezone ?? DEFAULT_TIMEZONE;

  function lastSignOfLife(row: Screen): number {
    return d.presence.get(row.id)?.lastSeenAt ?? row.lastSeenAt ?? row.pairedAt;
  }

  function raise(row: Screen, lastSeen: number, now: number): void {
    const mins = Math.max(1, Math.round((now - lastSeen) / 60_000));
    const r = {
      id: randomUUID(),
      kind: 'offline' as const,
      screenId: row.id,
      hallId: row.hallId,
      message: `已 ${mins} 分钟没有收到心跳，请到现场检查屏幕电源、网络与播放器`,
      raisedAt: now,
      lastSeenAt: lastSeen,
    };
    if (!d.alerts.insert(r)) return;
    d.state.setOpen(row.id, { id: r.id, raisedAt: now });
    const alert = toAlert(d.alerts.get(r.id)!);
    emit({ type: 'raised', alert });
    d.webhooks.send({ event: 'alert.raised', alert, timezone: timezoneOf(row.hallId) });
  }

  function clear(screenId: string, notify: boolean): void {
    const open = d.state.openFor(screenId);
    if (!open) return;
    d.state.clear(screenId);
    const now = d.clock.now();
    if (!d.alerts.clear(open.id, now)) return;
    const alert = toAlert(d.alerts.get(open.id)!);
    emit({ type: 'cleared', payload: { id: alert.id, screenId, at: now, alert } });
    if (notify) d.webhooks.send({ event: 'alert.cleared', alert, timezone: timezoneOf(alert.hallId) });
  }

  return {
    subscribe(listener: (e: AlertEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Raises alerts for dark screens in open halls and clears those that came back. */
    check(): void {
      const now = d.clock.now();
      const calendar = new Map<string, CalendarKind | undefined>();
      const dayKind = (date: string) => {
        if (!calendar.has(date)) calendar.set(date, d.takedowns.days(date, date)[0]?.kind);
        return calendar.get(date);
      };
      const halls = new Map(d.halls.listHalls().map((h) => [h.id, isOpenAt(h, now, dayKind)]));
      const live = new Set<string>();
      for (const row of d.screens.list()) {
        live.add(row.id);
        const lastSeen = lastSignOfLife(row);
        const dark = now - lastSeen > d.config.offlineAfterMs;
        if (!dark) {
          if (d.presence.isOnline(row.id)) clear(row.id, true);
        } else if (!d.state.openFor(row.id) && halls.get(row.hallId)) {
          raise(row, lastSeen, now);
        }
      }
      for (const screenId of d.state.screens()) if (!live.has(screenId)) clear(screenId, false);
    },
    /** A sign of life: clears the screen's alert at once instead of at the next check. */
    alive(screenId: string): void {
      if (d.state.openFor(screenId)) clear(screenId, true);
    },
    openFor: (screenId: string) => d.state.openFor(screenId),
    list(status: 'open' | 'all', limit: number): Alert[] {
      return (status === 'open' ? d.alerts.open() : d.alerts.recent(limit)).slice(0, limit).map(toAlert);
    },
    acknowledge(id: string, userId: string): Alert | undefined {
      d.alerts.acknowledge(id, userId, d.clock.now());
      const row = d.alerts.get(id);
      return row ? toAlert(row) : undefined;
    },
    /** Drops cleared alerts older than the retention. */
    purge(before: number): number {
      return d.alerts.purgeClearedBefore(before);
    },
  };
}
export type AlertService = ReturnType<typeof createAlertService>;
