import { randomUUID } from 'node:crypto';
import type { Item } from '../../../core/manifest/types.js';
import type {
  ItemInfo,
  ItemInput,
  PlaylistInfo,
  PlaylistInput,
  ProgramEdit,
} from '../../../core/protocol/programs.js';
import type { Group } from '../../../core/protocol/rest.js';
import type { Clock } from '../../clock.js';
import { badRequest, inUse, missingChoice, notFound } from '../../errors.js';
import type { ContentStore, StoredPlaylist } from '../../store/contentStore.js';
import type { Db } from '../../store/db.js';
import type { HallStore } from '../../store/hallStore.js';
import type { ProgramStore } from '../../store/programStore.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { ChangeService, RecordedChange } from '../delivery/changeService.js';
import type { AuditService } from '../shared/auditService.js';
import { checkOldBoxes } from '../shared/oldBoxes.js';
import { createProgramChecks } from './programChecks.js';
import type { ProgramImpact } from './programImpact.js';

type Deps = {
  db: Db;
  content: ContentStore;
  programs: ProgramStore;
  halls: HallStore;
  screens: ScreenStore;
  impact: ProgramImpact;
  audit: AuditService;
  changes: ChangeService;
  clock: Clock;
};

const names = (refs: { name: string }[]) => refs.map((r) => `「${r.name}」`).join('、');

/** Content items, playlists and group default playlists (the publicity office's library). */
export function createProgramService(d: Deps) {
  const { db, content, programs, halls, screens, impact, audit, changes, clock } = d;
  const { checkItem, checkEntries } = createProgramChecks(content, programs);
  const playlistInfo = (p: StoredPlaylist): PlaylistInfo => ({ ...p, usedBy: impact.playlistUsers(p.id) });

  /** Records and later publishes a change for the screens that show the playlists. */
  function changeFor(playlistIds: Set<string>, summary: string, actor: string): RecordedChange | null {
    const screenIds = impact.screensShowing(playlistIds);
    return screenIds.length > 0 ? changes.record('playlist', summary, actor, screenIds) : null;
  }
  const publish = (c: RecordedChange | null) => {
    if (c) changes.publish(c);
  };

  return {
    listItems(): ItemInfo[] {
      const times = content.itemUpdatedAt();
      const playlists = content.listPlaylists();
      return content.listItems().map((i) => ({
        ...i,
        updatedAt: times.get(i.id) ?? 0,
        usedBy: playlists
          .filter((p) => p.entries.some((e) => e.itemId === i.id))
          .map((p) => ({ id: p.id, name: p.name })),
      }));
    },
    createItem(input: ItemInput, actor: string): Item {
      checkItem(input);
      const item = { ...input, id: randomUUID() } as Item;
      db.transaction(() => {
        content.insertItem(item, clock.now());
        audit.record({ actor, action: 'item.create', target: item.id, summary: { name: item.name } });
      })();
      return item;
    },
    updateItem(id: string, input: ItemInput, actor: string): ProgramEdit<Item> {
      if (!content.getItem(id)) throw notFound('内容');
      checkItem(input);
      const item = { ...input, id } as Item;
      const using = new Set(impact.playlistsWithItem(id).map((p) => p.id));
      const { change, sentToReview } = db.transaction(() => {
        content.updateItem(item, clock.now());
        audit.record({ actor, action: 'item.update', target: id, summary: { name: item.name } });
        return {
          sentToReview: impact.sendBackToReview(using, actor, `内容「${item.name}」已修改`),
          change: changeFor(using, `内容「${item.name}」已修改`, actor),
        };
      })();
      publish(change);
      return { saved: item, sentToReview };
    },
    removeItem(id: string, actor: string): void {
      const item = content.getItem(id);
      if (!item) throw notFound('内容');
      const using = impact.playlistsWithItem(id);
      if (using.length > 0)
        throw inUse(`内容「${item.name}」正在节目单 ${names(using)} 中使用，请先从节目单中移除`);
      db.transaction(() => {
        content.deleteItem(id);
        audit.record({ actor, action: 'item.delete', target: id, summary: { name: item.name } });
      })();
    },

    listPlaylists: (): PlaylistInfo[] => content.listPlaylists().map(playlistInfo),
    getPlaylist(id: string): PlaylistInfo {
      const p = content.getPlaylist(id);
      if (!p) throw notFound('节目单');
      return playlistInfo(p);
    },
    createPlaylist(input: PlaylistInput, actor: string): PlaylistInfo {
      checkEntries(input, 'content');
      const id = randomUUID();
      db.transaction(() => {
        content.insertPlaylist(
          { id, name: input.name, role: 'content', entries: input.entries },
          clock.now(),
        );
        audit.record({ actor, action: 'playlist.create', target: id, summary: { name: input.name } });
      })();
      return playlistInfo(content.getPlaylist(id)!);
    },
    updatePlaylist(id: string, input: PlaylistInput, actor: string): ProgramEdit<PlaylistInfo> {
      const before = content.getPlaylist(id);
      if (!before) throw notFound('节目单');
      checkEntries(input, before.role);
      for (const g of halls.listGroups().filter((x) => x.defaultPlaylistId === id)) {
        checkOldBoxes(content, g, input.entries);
      }
      const { change, sentToReview } = db.transaction(() => {
        content.updatePlaylist({ id, name: input.name, entries: input.entries }, clock.now());
        audit.record({
          actor,
          action: 'playlist.update',
          target: id,
          summary: { name: input.name, entries: input.entries.length },
        });
        const why = `节目单「${input.name}」已修改`;
        return {
          sentToReview: impact.sendBackToReview(new Set([id]), actor, why),
          change: changeFor(new Set([id]), why, actor),
        };
      })();
      publish(change);
      return { saved: playlistInfo(content.getPlaylist(id)!), sentToReview };
    },
    removePlaylist(id: string, actor: string): void {
      const p = content.getPlaylist(id);
      if (!p) throw notFound('节目单');
      if (p.role === 'lists') throw inUse('信用名单轮播是系统节目单，不能删除');
      const { groups, campaigns } = impact.playlistUsers(id);
      if (groups.length + campaigns.length > 0) {
        const where = [
          ...(groups.length ? [`屏幕分组 ${names(groups)} 的默认节目单`] : []),
          ...(campaigns.length ? [`宣传活动 ${names(campaigns)}`] : []),
        ];
        throw inUse(`节目单「${p.name}」正被 ${where.join('、')} 使用，请先改用其他节目单`);
      }
      const affected = impact.screensShowing(new Set([id]));
      const change = db.transaction(() => {
        content.deletePlaylist(id);
        audit.record({ actor, action: 'playlist.delete', target: id, summary: { name: p.name } });
        return affected.length
          ? changes.record('playlist', `节目单「${p.name}」已删除`, actor, affected)
          : null;
      })();
      publish(change);
    },

    /** Sets a group's default playlist (what plays when nothing else does). */
    setGroupDefault(groupId: string, playlistId: string | null, actor: string): Group {
      const g = halls.getGroup(groupId);
      if (!g) throw notFound('屏幕分组');
      const p = playlistId ? content.getPlaylist(playlistId) : undefined;
      if (playlistId && !p) throw missingChoice('playlist_missing', '节目单');
      if (p && p.role !== 'content') throw badRequest('playlist_role', '信用名单轮播不能作为默认节目单');
      if (p) checkOldBoxes(content, g, p.entries);
      const change = db.transaction(() => {
        halls.updateGroup(groupId, {
          name: g.name,
          hallId: g.hallId,
          defaultPlaylistId: playlistId,
          oldBoxes: g.oldBoxes,
        });
        audit.record({
          actor,
          action: 'group.default-playlist',
          target: groupId,
          summary: { before: g.defaultPlaylistId, after: playlistId },
        });
        const screenIds = screens
          .list()
          .filter((s) => s.groupId === groupId)
          .map((s) => s.id);
        return changes.record('group', `屏幕分组「${g.name}」的默认节目单已更换`, actor, screenIds);
      })();
      publish(change);
      return halls.getGroup(groupId)!;
    },
  };
}
export type ProgramService = ReturnType<typeof createProgramService>;
