import type { Db } from './db.js';

export interface TakedownRow {
  id: string;
  entry_id: string;
  entry_name: string;
  category_name: string;
  kind: 'repair' | 'objection' | 'revocation' | 'correction';
  reason: string;
  doc_no: string;
  requested_by: string | null;
  requested_at: number;
  change_id: string | null;
  screens: number;
  confirmed: number;
}

/** Takedown records, the working-day calendar and API keys. */
export function createTakedownStore(db: Db) {
  const SELECT = `SELECT t.*, e.name_display AS entry_name, c.name AS category_name,
    (SELECT count(*) FROM change_screens cs WHERE cs.change_id = t.change_id) AS screens,
    (SELECT count(rendered_at) FROM change_screens cs WHERE cs.change_id = t.change_id) AS confirmed
    FROM takedowns t JOIN entries e ON e.id = t.entry_id JOIN categories c ON c.id = e.category_id`;
  const insert = db.prepare(
    `INSERT INTO takedowns (id, entry_id, kind, reason, doc_no, requested_by, requested_at, change_id)
     VALUES (@id, @entry_id, @kind, @reason, @doc_no, @requested_by, @requested_at, @change_id)`,
  );
  const setChange = db.prepare('UPDATE takedowns SET change_id = ? WHERE id = ?');
  const get = db.prepare<[string], TakedownRow>(`${SELECT} WHERE t.id = ?`);
  const list = db.prepare<[number, number], TakedownRow>(
    `${SELECT} ORDER BY t.requested_at DESC LIMIT ? OFFSET ?`,
  );
  const days = db.prepare<[string, string], { date: string; kind: 'holiday' | 'workday'; name: string }>(
    'SELECT * FROM calendar_days WHERE date >= ? AND date <= ? ORDER BY date',
  );
  const clearYear = db.prepare("DELETE FROM calendar_days WHERE date LIKE ? || '-%'");
  const insertDay = db.prepare('INSERT OR REPLACE INTO calendar_days (date, kind, name) VALUES (?, ?, ?)');
  return {
    insert: (r: Omit<TakedownRow, 'entry_name' | 'category_name' | 'screens' | 'confirmed'>) => insert.run(r),
    setChange: (id: string, changeId: string) => setChange.run(changeId, id),
    get: (id: string) => get.get(id),
    list: (limit: number, offset: number) => list.all(limit, offset),
    days: (from: string, to: string) => days.all(from, to),
    replaceYear: db.transaction(
      (year: string, rows: { date: string; kind: 'holiday' | 'workday'; name: string }[]) => {
        clearYear.run(year);
        for (const r of rows) insertDay.run(r.date, r.kind, r.name);
      },
    ),
  };
}
export type TakedownStore = ReturnType<typeof createTakedownStore>;

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** API keys for the credit platform: only their SHA-256 is kept. */
export function createApiKeyStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO api_keys (id, name, prefix, key_hash, scopes, created_by, created_at) VALUES (@id, @name, @prefix, @key_hash, @scopes, @created_by, @created_at)',
  );
  const list = db.prepare<[], ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at DESC');
  const byHash = db.prepare<[string], ApiKeyRow>(
    'SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL',
  );
  const revoke = db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const touch = db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?');
  return {
    insert: (r: Omit<ApiKeyRow, 'last_used_at' | 'revoked_at'>) => insert.run(r),
    list: () => list.all(),
    byHash: (hash: string) => byHash.get(hash),
    revoke: (id: string, at: number) => revoke.run(at, id).changes === 1,
    touch: (id: string, at: number) => touch.run(at, id),
  };
}
export type ApiKeyStore = ReturnType<typeof createApiKeyStore>;
