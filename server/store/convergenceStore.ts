import type { Db } from './db.js';

export interface ChangeRow {
  id: string;
  kind: string;
  summary: string;
  actor: string | null;
  created_at: number;
}
export interface ChangeScreenRow {
  screen_id: string;
  screen_name: string;
  hall_name: string;
  revision: number;
  received_at: number | null;
  rendered_at: number | null;
}

/** Reads and writes of per-screen convergence beyond what changeStore records. */
export function createConvergenceStore(db: Db) {
  const change = db.prepare<[string], ChangeRow>(
    'SELECT id, kind, summary, actor, created_at FROM changes WHERE id = ?',
  );
  const recent = db.prepare<[number], ChangeRow>(
    `SELECT id, kind, summary, actor, created_at FROM changes c
     WHERE EXISTS (SELECT 1 FROM change_screens cs WHERE cs.change_id = c.id)
     ORDER BY created_at DESC, rowid DESC LIMIT ?`,
  );
  const screens = db.prepare<[string], ChangeScreenRow>(
    `SELECT cs.screen_id, coalesce(s.name, cs.screen_id) AS screen_name, coalesce(h.name, '') AS hall_name,
       cs.revision, cs.received_at, cs.rendered_at
     FROM change_screens cs LEFT JOIN screens s ON s.id = cs.screen_id LEFT JOIN halls h ON h.id = s.hall_id
     WHERE cs.change_id = ?`,
  );
  const unconverged = db.prepare<[number], { id: string; created_at: number }>(
    `SELECT c.id, c.created_at FROM changes c WHERE c.created_at >= ?
       AND EXISTS (SELECT 1 FROM change_screens cs WHERE cs.change_id = c.id AND cs.rendered_at IS NULL)`,
  );
  const pendingForScreen = db.prepare<[string, number], { change_id: string }>(
    `SELECT cs.change_id FROM change_screens cs JOIN changes c ON c.id = cs.change_id
     WHERE cs.screen_id = ? AND cs.rendered_at IS NULL AND c.created_at >= ?`,
  );
  const receivedMoved = db.prepare<[string, number], { change_id: string }>(
    'SELECT change_id FROM change_screens WHERE screen_id = ? AND revision <= ? AND received_at IS NULL',
  );
  const takedowns = db.prepare<[string], { id: string; entry_name: string }>(
    `SELECT t.id, e.name_display AS entry_name FROM takedowns t JOIN entries e ON e.id = t.entry_id
     WHERE t.change_id = ? ORDER BY t.requested_at`,
  );
  const latest = db.prepare<[], { seq: number | null }>('SELECT max(rowid) AS seq FROM changes');
  return {
    /** Grows with every recorded change: anything that alters a manifest records one. */
    latestSeq: () => latest.get()?.seq ?? 0,
    change: (id: string) => change.get(id),
    recent: (limit: number) => recent.all(limit),
    screens: (changeId: string) => screens.all(changeId),
    /** Changes since `since` that some screen has not rendered yet. */
    unconverged: (since: number) => unconverged.all(since),
    pendingForScreen: (screenId: string, since: number) =>
      pendingForScreen.all(screenId, since).map((r) => r.change_id),
    /** The changes a received ack would move (call before marking). */
    unreceived: (screenId: string, revision: number) =>
      receivedMoved.all(screenId, revision).map((r) => r.change_id),
    takedowns: (changeId: string) => takedowns.all(changeId),
  };
}
export type ConvergenceStore = ReturnType<typeof createConvergenceStore>;
