import type { Db } from './db.js';

interface AlertRow {
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

/** An operations alert as stored (the API's Alert adds the screen's and the hall's names). */
export interface AlertRecord {
  id: string;
  kind: 'offline';
  screenId: string;
  hallId: string;
  message: string;
  raisedAt: number;
  lastSeenAt: number | null;
  clearedAt: number | null;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
}

const toAlertRecord = (r: AlertRow): AlertRecord => ({
  id: r.id,
  kind: r.kind,
  screenId: r.screen_id,
  hallId: r.hall_id,
  message: r.message,
  raisedAt: r.raised_at,
  lastSeenAt: r.last_seen_at,
  clearedAt: r.cleared_at,
  acknowledgedBy: r.acknowledged_by,
  acknowledgedAt: r.acknowledged_at,
});

/** Operations alerts; one open alert per screen and kind (a partial unique index). */
export function createAlertStore(db: Db) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO alerts (id, kind, screen_id, hall_id, message, raised_at, last_seen_at)
     VALUES (@id, @kind, @screenId, @hallId, @message, @raisedAt, @lastSeenAt)`,
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
    insert: (a: Omit<AlertRecord, 'clearedAt' | 'acknowledgedBy' | 'acknowledgedAt'>) =>
      insert.run(a).changes === 1,
    get: (id: string) => {
      const r = get.get(id);
      return r ? toAlertRecord(r) : undefined;
    },
    open: () => open.all().map(toAlertRecord),
    recent: (limit: number) => recent.all(limit).map(toAlertRecord),
    clear: (id: string, at: number) => clear.run(at, id).changes === 1,
    acknowledge: (id: string, userId: string, at: number) => ack.run(userId, at, id).changes === 1,
    purgeClearedBefore: (at: number) => purge.run(at).changes,
  };
}
export type AlertStore = ReturnType<typeof createAlertStore>;
