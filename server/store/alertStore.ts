import type { Db } from './db.js';

export interface AlertRow {
  id: string;
  kind: 'offline';
  screen_id: string;
  hall_id: string;
  message: string;
  raised_at: number;
  last_seen_at: number | null;
  cleared_at: number | null;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
}

/** Operations alerts; one open alert per screen and kind (a partial unique index). */
export function createAlertStore(db: Db) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO alerts (id, kind, screen_id, hall_id, message, raised_at, last_seen_at)
     VALUES (@id, @kind, @screen_id, @hall_id, @message, @raised_at, @last_seen_at)`,
  );
  const get = db.prepare<[string], AlertRow>('SELECT * FROM alerts WHERE id = ?');
  const open = db.prepare<[], AlertRow>(
    'SELECT * FROM alerts WHERE cleared_at IS NULL ORDER BY raised_at DESC',
  );
  const recent = db.prepare<[number], AlertRow>('SELECT * FROM alerts ORDER BY raised_at DESC LIMIT ?');
  const clear = db.prepare('UPDATE alerts SET cleared_at = ? WHERE id = ? AND cleared_at IS NULL');
  const ack = db.prepare(
    'UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL',
  );
  const purge = db.prepare('DELETE FROM alerts WHERE cleared_at IS NOT NULL AND cleared_at < ?');
  return {
    /** False when the screen already has an open alert of that kind. */
    insert: (r: Omit<AlertRow, 'cleared_at' | 'acknowledged_by' | 'acknowledged_at'>) =>
      insert.run(r).changes === 1,
    get: (id: string) => get.get(id),
    open: () => open.all(),
    recent: (limit: number) => recent.all(limit),
    clear: (id: string, at: number) => clear.run(at, id).changes === 1,
    acknowledge: (id: string, userId: string, at: number) => ack.run(userId, at, id).changes === 1,
    purgeClearedBefore: (at: number) => purge.run(at).changes,
  };
}
export type AlertStore = ReturnType<typeof createAlertStore>;
