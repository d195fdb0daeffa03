import { randomUUID } from 'node:crypto';
import type { ChangeProgress } from '../../../core/protocol/events.js';
import type { Clock } from '../../clock.js';
import type { ChangeStore } from '../../store/changeStore.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { EventBus } from '../shared/events.js';

export interface RecordedChange {
  changeId: string;
  screenIds: string[];
}

type Deps = { changes: ChangeStore; screens: ScreenStore; bus: EventBus; clock: Clock };

/**
 * Anything that alters what a screen should show is a change (ARCHITECTURE "Revision and
 * change"): it bumps the revision of each affected screen and is tracked per screen.
 */
export function createChangeService({ changes, screens, bus, clock }: Deps) {
  return {
    /** Records a change inside the caller's transaction. */
    record(kind: string, summary: string, actor: string | null, screenIds: string[]): RecordedChange {
      const changeId = randomUUID();
      changes.insert(changeId, kind, summary, actor, clock.now());
      for (const id of screenIds) changes.addScreen(changeId, id, screens.bumpRevision(id));
      return { changeId, screenIds };
    },
    /** Tells listeners after the transaction committed. */
    publish(change: RecordedChange): void {
      if (change.screenIds.length > 0) bus.emit({ type: 'screens:changed', ...change });
    },
    received(screenId: string, revision: number): void {
      screens.setAcked(screenId, revision);
      changes.markReceived(screenId, revision, clock.now());
    },
    /** Marks a screen's revision rendered; returns the changes that moved. */
    rendered(screenId: string, revision: number): string[] {
      screens.setRendered(screenId, revision);
      const moved = changes.markRendered(screenId, revision, clock.now());
      for (const changeId of moved) bus.emit({ type: 'change:progress', changeId });
      return moved;
    },
    progress(changeId: string, online: (screenId: string) => boolean): ChangeProgress | undefined {
      const c = changes.get(changeId);
      if (!c) return undefined;
      const rows = changes.screens(changeId);
      const pending = rows.filter((r) => r.renderedAt === null);
      return {
        changeId,
        kind: c.kind,
        summary: c.summary,
        createdAt: c.createdAt,
        total: rows.length,
        received: rows.filter((r) => r.receivedAt !== null).length,
        rendered: rows.length - pending.length,
        offline: pending.filter((r) => !online(r.screenId)).length,
        timedOut: 0,
      };
    },
  };
}
export type ChangeService = ReturnType<typeof createChangeService>;
