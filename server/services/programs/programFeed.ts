import { createHash } from 'node:crypto';
import type { Item, NoticeItem } from '../../../core/manifest/types.js';
import type { Playlist, ScheduledCampaign, ScheduledEmergency } from '../../../core/schedule/types.js';
import { dateIn } from '../../../core/time.js';
import type { ContentStore } from '../../store/contentStore.js';
import {
  type CampaignRecord,
  type CampaignSnapshot,
  type EmergencyRecord,
  type ProgramStore,
  snapshotOf,
} from '../../store/programStore.js';
import type { Screen } from '../../store/screenStore.js';
import { targetsScreen } from '../shared/targets.js';

/** What campaigns and emergencies add to one screen's manifest. */
export interface ScreenFeed {
  campaigns: ScheduledCampaign[];
  emergencies: ScheduledEmergency[];
  playlists: Playlist[];
  items: Item[];
}

const DAY = 86_400_000;
const short = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);

/** The notice an emergency shows, as a manifest item. */
export function emergencyItem(e: EmergencyRecord): NoticeItem {
  return {
    id: `emergency-${e.id}`,
    name: e.title,
    kind: 'notice',
    durationMs: 60_000,
    title: e.title,
    body: e.body,
    style: 'urgent',
  };
}

/**
 * Feeds the manifest builder the approved campaigns and active emergencies that target a screen.
 * Campaigns play their approved snapshot: where a playlist or item was edited since (and waits
 * for review), the snapshot's copy travels under a derived id so both versions can coexist.
 */
export function createProgramFeed(programs: ProgramStore, content: ContentStore) {
  // Parsed snapshots by campaign, reused while the stored JSON is the same (every build reads them).
  const parsed = new Map<string, { json: string; snap: CampaignSnapshot }>();
  const snapshot = (row: CampaignRecord): CampaignSnapshot | null => {
    if (!row.approvedSnapshot) return null;
    const hit = parsed.get(row.id);
    if (hit && hit.json === row.approvedSnapshot) return hit.snap;
    const snap = snapshotOf(row);
    if (snap) parsed.set(row.id, { json: row.approvedSnapshot, snap });
    return snap;
  };

  function addSnapshot(snap: CampaignSnapshot, campaignId: string, out: ScreenFeed): string[] {
    const itemIds = new Map<string, string>();
    for (const item of snap.items) {
      const live = content.getItem(item.id);
      const json = JSON.stringify(item);
      const id = live && JSON.stringify(live) !== json ? `${item.id}@${short(json)}` : item.id;
      itemIds.set(item.id, id);
      if (!out.items.some((i) => i.id === id)) out.items.push({ ...item, id });
    }
    return snap.playlists.map((p) => {
      const entries = p.entries.map((e) => ({ ...e, itemId: itemIds.get(e.itemId) ?? e.itemId }));
      const live = content.getPlaylist(p.id);
      const same =
        !live || (live.name === p.name && JSON.stringify(live.entries) === JSON.stringify(entries));
      const id = same ? p.id : `${p.id}@${campaignId.slice(0, 8)}`;
      if (!out.playlists.some((x) => x.id === id)) out.playlists.push({ id, name: p.name, entries });
      return id;
    });
  }

  return {
    /** Campaigns overlapping [from, until] (with a day's margin for any timezone) and emergencies not expired by `from`. */
    forScreen(screen: Screen, from: number, until: number): ScreenFeed {
      const out: ScreenFeed = { campaigns: [], emergencies: [], playlists: [], items: [] };
      const first = dateIn(from - 2 * DAY, 'UTC');
      const last = dateIn(until + 2 * DAY, 'UTC');
      for (const row of programs.liveCampaigns()) {
        const snap = snapshot(row);
        if (!snap || !targetsScreen(snap.campaign.targets, screen)) continue;
        const c = snap.campaign;
        if (c.endDate < first || c.startDate > last) continue;
        out.campaigns.push({
          id: row.id,
          name: c.name,
          startDate: c.startDate,
          endDate: c.endDate,
          dayparts: c.dayparts,
          weekdays: c.weekdays,
          excludedDates: c.excludedDates,
          priority: c.priority,
          playlistIds: addSnapshot(snap, row.id, out),
          sharing: c.sharing,
          approvedAt: row.approvedAt ?? 0,
        });
      }
      for (const e of programs.activeEmergencies(from)) {
        if (!targetsScreen(e.targets, screen)) continue;
        const item = emergencyItem(e);
        out.items.push(item);
        out.emergencies.push({
          id: e.id,
          itemId: item.id,
          startsAt: e.startsAt,
          expiresAt: e.expiresAt,
          createdAt: e.createdAt,
        });
      }
      return out;
    },
  };
}
export type ProgramFeed = ReturnType<typeof createProgramFeed>;
