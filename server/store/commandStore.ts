import type { Db } from './db.js';

export interface CommandRow {
  id: string;
  screen_id: string;
  kind: string;
  args: string | null;
  actor: string | null;
  sent_at: number;
  status: 'sent' | 'ok' | 'error' | 'timeout' | 'offline';
  result: string | null;
  answered_at: number | null;
}

/** The log of remote commands sent to screens and what each answered. */
export function createCommandStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO commands (id, screen_id, kind, args, actor, sent_at)
     VALUES (@id, @screen_id, @kind, @args, @actor, @sent_at)`,
  );
  const finish = db.prepare('UPDATE commands SET status = ?, result = ?, answered_at = ? WHERE id = ?');
  const get = db.prepare<[string], CommandRow>('SELECT * FROM commands WHERE id = ?');
  const forScreen = db.prepare<[string, number], CommandRow>(
    'SELECT * FROM commands WHERE screen_id = ? ORDER BY sent_at DESC LIMIT ?',
  );
  const purge = db.prepare('DELETE FROM commands WHERE sent_at < ?');
  return {
    insert: (r: Omit<CommandRow, 'status' | 'result' | 'answered_at'>) => insert.run(r),
    finish: (id: string, status: CommandRow['status'], result: string | null, at: number | null) =>
      finish.run(status, result, at, id),
    get: (id: string) => get.get(id),
    forScreen: (screenId: string, limit: number) => forScreen.all(screenId, limit),
    purgeBefore: (at: number) => purge.run(at).changes,
  };
}
export type CommandStore = ReturnType<typeof createCommandStore>;
