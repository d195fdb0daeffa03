import type { PlayRecord } from '../../core/protocol/events.js';
import type { Db } from './db.js';

/** Proof-of-play records; a resent id is ignored. */
export function createPlayStore(db: Db) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO plays (id, screen_id, item_id, kind, playlist_id, campaign_id, started_at, ended_at, entries)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM plays WHERE screen_id = ?');
  const purgeSlice = db.prepare(
    'DELETE FROM plays WHERE rowid IN (SELECT rowid FROM plays WHERE ended_at < ? LIMIT ?)',
  );
  return {
    /** Deletes at most `limit` plays that ended before `before`; returns how many (a slice of a purge). */
    purgeSlice: (before: number, limit: number) => purgeSlice.run(before, limit).changes,
    insertMany: db.transaction((screenId: string, plays: PlayRecord[]) => {
      let stored = 0;
      for (const p of plays) {
        stored += insert.run(
          p.id,
          screenId,
          p.itemId,
          p.kind,
          p.playlistId,
          p.campaignId ?? null,
          p.startedAt,
          p.endedAt,
          p.entries ? JSON.stringify(p.entries) : null,
        ).changes;
      }
      return stored;
    }),
    countFor: (screenId: string) => count.get(screenId)?.n ?? 0,
  };
}
export type PlayStore = ReturnType<typeof createPlayStore>;
