import type { Db } from './db.js';

/** A recorded change (table `changes`). */
export interface ChangeRecord {
  id: string;
  kind: string;
  summary: string;
  actor: string | null;
  createdAt: number;
}
/** One screen's convergence on a change, with the screen's and its hall's names. */
export interface ChangeScreenState {
  screenId: string;
  screenName: string;
  hallName: string;
  revision: number;
  receivedAt: number | null;
  renderedAt: number | null;
}

/** Reads and writes of per-screen convergence beyond what changeStore records. */
export function createConvergenceStore(db: Db) {
  const change = db.prepare<[string], ChangeRecord>(
    'SELECT id, kind, summary, actor, created_at AS createdAt FROM changes WHERE id = ?',
  );
  const recent = db.prepare<[number], ChangeRecord>(
    `SELECT id, kind, summary, actor, created_at AS createdAt FROM changes c
     WHERE EXISTS (SELECT 1 FROM change_screens cs WHERE cs.change_id = c.id)
     ORDER BY created_at DESC, rowid DESC LIMIT ?`,
  );
  const screens = db.prepare<[string], ChangeScreenState>(
    `SELECT cs.screen_id AS screenId, coalesce(s.name, cs.screen_id) AS screenName, coalesce(h.name, '') AS hallName,
       cs.revision, cs.received_at AS receivedAt, cs.rendered_at AS renderedAt
     FROM change_screens cs LEFT JOIN screens s ON s.id = cs.screen_id LEFT JOIN halls h ON h.id = s.hall_id
     WHERE cs.change_id = ?`,
  );
  const unconverged = db.prepare<[number], { id: string; createdAt: number }>(
    `SELECT c.id, c.created_at AS createdAt FROM changes c WHERE c.created_at >= ?
       AND EXISTS (SELECT 1 FROM change_screens cs WHERE cs.change_id = c.id AND cs.rendered_at IS NULL)`,
  );
  const pendingForScreen = db.prepare<[string, number], { changeId: string }>(
    `SELECT cs.change_id AS changeId FROM change_screens cs JOIN changes c ON c.id = cs.change_id
     WHERE cs.screen_id = ? AND cs.rendered_at IS NULL AND c.created_at >= ?`,
  );
  const receivedMoved = db.prepare<[string, number], { changeId: string }>(
    'SELECT change_id AS changeId FROM change_screens WHERE screen_id = ? AND revision <= ? AND received_at IS NULL',
  );
  const takedowns = db.prepare<[string], { id: string; entryName: string }>(
    `SELECT t.id, e.name_display AS entryName FROM takedowns t JOIN entries e ON e.id = t.entry_id
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
      pendingForScreen.all(screenId, since).map((r) => r.changeId),
    /** The changes a received ack would move (call before marking). */
    unreceived: (screenId: string, revision: number) =>
      receivedMoved.all(screenId, revision).map((r) => r.changeId),
    takedowns: (changeId: string) => takedowns.all(changeId),
  };
}
export type ConvergenceStore = ReturnType<typeof createConvergenceStore>;
