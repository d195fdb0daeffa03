import type { Item, Manifest, ManifestDataset, ManifestMedia } from '../../../core/manifest/types.js';
import type { Playlist, Schedule } from '../../../core/schedule/types.js';
import { DEFAULT_TIMEZONE } from '../../../core/time.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import { internalError } from '../../errors.js';
import type { ContentStore, StoredPlaylist } from '../../store/contentStore.js';
import type { DatasetStore } from '../../store/datasetStore.js';
import type { HallStore } from '../../store/hallStore.js';
import type { Screen } from '../../store/screenStore.js';
import type { SettingsStore } from '../../store/settingsStore.js';
import type { ProgramFeed } from '../programs/programFeed.js';

type Deps = {
  halls: HallStore;
  content: ContentStore;
  datasets: DatasetStore;
  settings: SettingsStore;
  /** Approved campaigns and active emergencies targeting a screen (campaigns and emergency notices). */
  programs?: ProgramFeed;
  clock: Clock;
  config: Pick<
    Config,
    | 'heartbeatMs'
    | 'staleAfterMs'
    | 'reconnectMaxMs'
    | 'playsBatchMs'
    | 'playSegmentMs'
    | 'playerReloadHour'
    | 'playerRenderStallMs'
    | 'playerSocketStallMs'
    | 'scheduleDays'
    | 'listShare'
    | 'cycleMs'
  >;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function mediaOf(item: Item): string[] {
  if (item.kind === 'image' || item.kind === 'video') return [item.media];
  if (item.kind === 'notice' && item.media) return [item.media];
  return [];
}

/** Builds each screen's manifest: everything it needs to play on its own for days. */
export function createManifestService({ halls, content, datasets, settings, programs, clock, config }: Deps) {
  function playlistsFor(screen: Screen): {
    defaultId: string;
    listsId: string;
    playlists: StoredPlaylist[];
  } {
    const group = screen.groupId ? halls.getGroup(screen.groupId) : undefined;
    const all = content.listPlaylists();
    const lists = content.listsPlaylist();
    const fallback = all.find((p) => p.role === 'content');
    const def = (group?.defaultPlaylistId && content.getPlaylist(group.defaultPlaylistId)) || fallback;
    if (!def || !lists) throw internalError('no_playlist', '尚未配置默认节目单，请在“屏幕分组”中设置');
    return { defaultId: def.id, listsId: lists.id, playlists: [def, lists] };
  }

  return {
    /** `at` builds the manifest as the screen would hold it then (the admin preview). */
    build(screen: Screen, at?: number): Manifest {
      const now = clock.now();
      const t = at ?? now;
      const from = t - HOUR;
      const until = t + Math.max(7, config.scheduleDays) * DAY;
      const hall = halls.getHall(screen.hallId);
      const { defaultId, listsId, playlists: own } = playlistsFor(screen);
      const feed = programs?.forScreen(screen, from, until);
      const playlists: Playlist[] = [
        ...own,
        ...(feed?.playlists ?? []).filter((p) => p.id !== defaultId && p.id !== listsId),
      ];
      const itemIds = new Set(own.flatMap((p) => p.entries.map((e) => e.itemId)));
      const items = [...itemIds].map((id) => content.getItem(id)).filter((i): i is Item => i !== undefined);
      for (const i of feed?.items ?? []) if (!itemIds.has(i.id)) items.push(i);
      const current = datasets.listCurrent();
      const wanted = new Map<string, ManifestDataset>();
      for (const item of items) {
        if (item.kind !== 'list-board') continue;
        for (const d of current) {
          const { categoryIds, listType } = item.selector;
          if (d.listType !== listType) continue;
          if (categoryIds !== 'all' && !categoryIds.includes(d.categoryId)) continue;
          wanted.set(d.hash, {
            hash: d.hash,
            listType: d.listType,
            categoryId: d.categoryId,
            categoryName: d.categoryName,
            entries: d.entries,
          });
        }
      }
      const media: ManifestMedia[] = [...new Set(items.flatMap(mediaOf))].flatMap((hash) => {
        const m = content.getMedia(hash);
        return m ? [{ hash, type: m.type, mime: m.mime, bytes: m.bytes }] : [];
      });
      const schedule: Schedule = {
        defaultPlaylistId: defaultId,
        listsPlaylistId: listsId,
        listShare: config.listShare,
        cycleMs: config.cycleMs,
        playlists: playlists.map((p): Playlist => ({ id: p.id, name: p.name, entries: p.entries })),
        campaigns: feed?.campaigns ?? [],
        emergencies: feed?.emergencies ?? [],
        from,
        until,
      };
      return {
        screenId: screen.id,
        screenName: screen.name,
        revision: screen.revision,
        issuedAt: now,
        serverTime: now,
        layout: screen.layout,
        canvas: { width: screen.width, height: screen.height },
        timezone: hall?.timezone ?? DEFAULT_TIMEZONE,
        hall: { name: hall?.name ?? '', repairWindowText: hall?.repairWindowText ?? '' },
        player: {
          heartbeatMs: config.heartbeatMs,
          staleAfterMs: config.staleAfterMs,
          reconnectMaxMs: config.reconnectMaxMs,
          playsBatchMs: config.playsBatchMs,
          playSegmentMs: config.playSegmentMs,
          reloadHour: config.playerReloadHour,
          renderStallMs: config.playerRenderStallMs,
          socketStallMs: config.playerSocketStallMs,
        },
        schedule,
        items,
        datasets: [...wanted.values()],
        media,
        listsValidUntil: now + config.staleAfterMs,
        demo: settings.get('demo') === '1',
      };
    },
  };
}
export type ManifestService = ReturnType<typeof createManifestService>;
