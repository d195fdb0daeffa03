import type { Ref } from '../../../core/protocol/programs.js';
import type { Clock } from '../../clock.js';
import type { AuthorStore } from '../../store/authorStore.js';
import type { ContentStore } from '../../store/contentStore.js';
import type { HallStore } from '../../store/hallStore.js';
import { type ProgramStore, specOf } from '../../store/programStore.js';
import type { ScreenStore } from '../../store/screenStore.js';
import type { AuditService } from '../shared/auditService.js';

type Deps = {
  authors: AuthorStore;
  content: ContentStore;
  programs: ProgramStore;
  halls: HallStore;
  screens: ScreenStore;
  audit: AuditService;
  clock: Clock;
};

/**
 * Who an edit to items or playlists reaches: the screens that play them live (group defaults and
 * the lists rotation), and the approved campaigns that must go back to review.
 */
export function createProgramImpact({ authors, content, programs, halls, screens, audit, clock }: Deps) {
  return {
    /** Playlists that contain the item. */
    playlistsWithItem(itemId: string) {
      return content.listPlaylists().filter((p) => p.entries.some((e) => e.itemId === itemId));
    },

    /** Active screens whose default playlist (or the lists rotation) is one of `playlistIds`. */
    screensShowing(playlistIds: ReadonlySet<string>): string[] {
      const all = screens.list();
      const lists = content.listsPlaylist();
      if (lists && playlistIds.has(lists.id)) return all.map((s) => s.id);
      const fallback = content.listPlaylists().find((p) => p.role === 'content')?.id;
      const defaults = new Map(halls.listGroups().map((g) => [g.id, g.defaultPlaylistId]));
      return all
        .filter((s) => {
          const chosen = s.groupId ? defaults.get(s.groupId) : null;
          const def = chosen && content.getPlaylist(chosen) ? chosen : fallback;
          return def !== undefined && playlistIds.has(def);
        })
        .map((s) => s.id);
    },

    /**
     * Records `actor` as an author of every campaign that uses any of `playlistIds` (whatever its
     * status: four eyes then keeps them from approving it) and sends the approved ones back to
     * review (inside the caller's transaction); their approved snapshot keeps playing until a
     * reviewer approves again.
     */
    sendBackToReview(playlistIds: ReadonlySet<string>, actor: string, why: string): Ref[] {
      const out: Ref[] = [];
      const now = clock.now();
      for (const row of programs.listCampaigns()) {
        const spec = specOf(row);
        if (!spec.playlistIds.some((id) => playlistIds.has(id))) continue;
        authors.addCampaign(row.id, actor, now);
        if (row.status !== 'approved') continue;
        programs.updateCampaign(row.id, spec, 'submitted', actor, now);
        programs.submitCampaign(row.id, actor, now);
        audit.record({ actor, action: 'campaign.resubmit', target: row.id, summary: { why } });
        out.push({ id: row.id, name: row.name });
      }
      return out;
    },

    /** Group defaults and campaigns (any status) that name a playlist. */
    playlistUsers(playlistId: string): { groups: Ref[]; campaigns: Ref[] } {
      return {
        groups: halls
          .listGroups()
          .filter((g) => g.defaultPlaylistId === playlistId)
          .map((g) => ({ id: g.id, name: g.name })),
        campaigns: programs
          .listCampaigns()
          .filter((c) => specOf(c).playlistIds.includes(playlistId))
          .map((c) => ({ id: c.id, name: c.name })),
      };
    },
  };
}
export type ProgramImpact = ReturnType<typeof createProgramImpact>;
