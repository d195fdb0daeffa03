import { randomUUID } from 'node:crypto';
import type { Group, GroupInput, Hall, HallInput } from '../../../core/protocol/rest.js';
import type { Clock } from '../../clock.js';
import { inUse, missingChoice, notFound } from '../../errors.js';
import type { ContentStore } from '../../store/contentStore.js';
import type { Db } from '../../store/db.js';
import type { HallStore } from '../../store/hallStore.js';
import type { Screen, ScreenStore } from '../../store/screenStore.js';
import type { ChangeService } from '../delivery/changeService.js';
import type { AuditService } from '../shared/auditService.js';
import { checkOldBoxes } from '../shared/oldBoxes.js';

type Deps = {
  db: Db;
  halls: HallStore;
  screens: ScreenStore;
  content: ContentStore;
  audit: AuditService;
  changes: ChangeService;
  clock: Clock;
};

/** Halls and screen groups; edits that alter what screens show are changes. */
export function createHallService({ db, halls, screens, content, audit, changes, clock }: Deps) {
  const screensOf = (pred: (s: Screen) => boolean) =>
    screens
      .list()
      .filter(pred)
      .map((s) => s.id);

  function checkGroupInput(g: GroupInput): void {
    if (!halls.getHall(g.hallId)) throw missingChoice('hall_missing', '大厅');
    const playlist = g.defaultPlaylistId ? content.getPlaylist(g.defaultPlaylistId) : undefined;
    if (g.defaultPlaylistId && !playlist) throw missingChoice('playlist_missing', '默认节目单');
    if (playlist) checkOldBoxes(content, g, playlist.entries);
  }

  return {
    listHalls: () => halls.listHalls(),
    createHall(input: HallInput, actor: string): Hall {
      const id = randomUUID();
      db.transaction(() => {
        halls.insertHall(id, input, clock.now());
        audit.record({ actor, action: 'hall.create', target: id, summary: { name: input.name } });
      })();
      return halls.getHall(id)!;
    },
    updateHall(id: string, input: HallInput, actor: string): Hall {
      const before = halls.getHall(id);
      if (!before) throw notFound('大厅');
      const change = db.transaction(() => {
        halls.updateHall(id, input);
        audit.record({ actor, action: 'hall.update', target: id, summary: { before, after: input } });
        return changes.record(
          'hall',
          `大厅「${input.name}」已修改`,
          actor,
          screensOf((s) => s.hallId === id),
        );
      })();
      changes.publish(change);
      return halls.getHall(id)!;
    },
    deleteHall(id: string, actor: string): void {
      if (!halls.getHall(id)) throw notFound('大厅');
      if (halls.hallUseCount(id) > 0) {
        throw inUse('该大厅下仍有屏幕或屏幕分组，请先移走或撤销它们再删除');
      }
      db.transaction(() => {
        halls.deleteHall(id);
        audit.record({ actor, action: 'hall.delete', target: id, summary: {} });
      })();
    },
    listGroups: () => halls.listGroups(),
    createGroup(input: GroupInput, actor: string): Group {
      checkGroupInput(input);
      const id = randomUUID();
      db.transaction(() => {
        halls.insertGroup(id, input, clock.now());
        audit.record({ actor, action: 'group.create', target: id, summary: { ...input } });
      })();
      return halls.getGroup(id)!;
    },
    updateGroup(id: string, input: GroupInput, actor: string): Group {
      const before = halls.getGroup(id);
      if (!before) throw notFound('屏幕分组');
      checkGroupInput(input);
      const change = db.transaction(() => {
        halls.updateGroup(id, input);
        audit.record({ actor, action: 'group.update', target: id, summary: { before, after: input } });
        return changes.record(
          'group',
          `屏幕分组「${input.name}」已修改`,
          actor,
          screensOf((s) => s.groupId === id),
        );
      })();
      changes.publish(change);
      return halls.getGroup(id)!;
    },
    deleteGroup(id: string, actor: string): void {
      const g = halls.getGroup(id);
      if (!g) throw notFound('屏幕分组');
      if (g.screens > 0) throw inUse(`该分组下仍有 ${g.screens} 块屏幕，请先把它们移到其他分组`);
      db.transaction(() => {
        halls.deleteGroup(id);
        audit.record({ actor, action: 'group.delete', target: id, summary: {} });
      })();
    },
  };
}
export type HallService = ReturnType<typeof createHallService>;
