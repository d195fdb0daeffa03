import type { Db } from './db.js';

interface CommandRow {
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

/** A remote command sent to a screen, and what it answered. */
export interface CommandRecord {
  id: string;
  screenId: string;
  kind: string;
  args: string | null;
  actor: string | null;
  sentAt: number;
  status: CommandRow['status'];
  result: string | null;
  answeredAt: number | null;
}

const toCommand = (r: CommandRow): CommandRecord => ({
  id: r.id,
  screenId: r.screen_id,
  kind: r.kind,
  args: r.args,
  actor: r.actor,
  sentAt: r.sent_at,
  status: r.status,
  result: r.result,
  answeredAt: r.answered_at,
});

/** The log of remote commands sent to screens and what each answered. */
export function createCommandStore(db: Db) {
  const insert = db.prepare(
    `INSERT INTO commands (id, screen_id, kind, args, actor, sent_at)
     VALUES (@id, @screenId, @kind, @args, @actor, @sentAt)`,
  );
  const finish = db.prepare('UPDATE commands SET status = ?, result = ?, answered_at = ? WHERE id = ?');
  const get = db.prepare<[string], CommandRow>('SELECT * FROM commands WHERE id = ?');
  const forScreen = db.prepare<[string, number], CommandRow>(
    'SELECT * FROM commands WHERE screen_id = ? ORDER BY sent_at DESC LIMIT ?',
  );
  const purge = db.prepare('DELETE FROM commands WHERE sent_at < ?');
  return {
    insert: (c: Omit<CommandRecord, 'status' | 'result' | 'answeredAt'>) => insert.run(c),
    finish: (id: string, status: CommandRecord['status'], result: string | null, at: number | null) =>
      finish.run(status, result, at, id),
    get: (id: string) => {
      const r = get.get(id);
      return r ? toCommand(r) : undefined;
    },
    forScreen: (screenId: string, limit: number) => forScreen.all(screenId, limit).map(toCommand),
    purgeBefore: (at: number) => purge.run(at).changes,
  };
}
export type CommandStore = ReturnType<typeof createCommandStore>;
