import type { Db } from './db.js';

/** Where one screen is with one change. */
export interface ChangeScreenProgress {
  screenId: string;
  revision: number;
  receivedAt: number | null;
  renderedAt: number | null;
}

/** Changes and their per-screen convergence (pending -> received -> rendered). */
export function createChangeStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO changes (id, kind, summary, actor, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertScreen = db.prepare(
    'INSERT OR REPLACE INTO change_screens (change_id, screen_id, revision) VALUES (?, ?, ?)',
  );
  const received = db.prepare(
    'UPDATE change_screens SET received_at = coalesce(received_at, ?) WHERE screen_id = ? AND revision <= ?',
  );
  const rendered = db.prepare(
    `UPDATE change_screens SET rendered_at = coalesce(rendered_at, ?), received_at = coalesce(received_at, ?)
     WHERE screen_id = ? AND revision <= ? AND rendered_at IS NULL`,
  );
  const pendingFor = db.prepare<[string, number], { changeId: string }>(
    'SELECT change_id AS changeId FROM change_screens WHERE screen_id = ? AND revision <= ? AND rendered_at IS NULL',
  );
  const progress = db.prepare<[string], { total: number; received: number; rendered: number }>(
    `SELECT count(*) AS total, count(received_at) AS received, count(rendered_at) AS rendered
     FROM change_screens WHERE change_id = ?`,
  );
  const change = db.prepare<[string], { id: string; kind: string; summary: string; createdAt: number }>(
    'SELECT id, kind, summary, created_at AS createdAt FROM changes WHERE id = ?',
  );
  const screensOf = db.prepare<[string], ChangeScreenProgress>(
    `SELECT screen_id AS screenId, revision, received_at AS receivedAt, rendered_at AS renderedAt
     FROM change_screens WHERE change_id = ?`,
  );
  return {
    insert: (id: string, kind: string, summary: string, actor: string | null, at: number) =>
      insert.run(id, kind, summary, actor, at),
    addScreen: (changeId: string, screenId: string, revision: number) =>
      insertScreen.run(changeId, screenId, revision),
    markReceived: (screenId: string, revision: number, at: number) => received.run(at, screenId, revision),
    /** Marks rendered and returns the change ids that just moved. */
    markRendered: (screenId: string, revision: number, at: number) => {
      const ids = pendingFor.all(screenId, revision).map((r) => r.changeId);
      rendered.run(at, at, screenId, revision);
      return ids;
    },
    progress: (id: string) => progress.get(id) ?? { total: 0, received: 0, rendered: 0 },
    get: (id: string) => change.get(id),
    screens: (id: string) => screensOf.all(id),
  };
}
export type ChangeStore = ReturnType<typeof createChangeStore>;
