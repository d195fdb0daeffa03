import type { Takedown } from '../../core/protocol/credit.js';
import type { Db } from './db.js';

interface TakedownRow {
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

const toTakedown = (r: TakedownRow): Takedown => ({
  id: r.id,
  entryId: r.entry_id,
  entryName: r.entry_name,
  categoryName: r.category_name,
  kind: r.kind,
  reason: r.reason,
  docNo: r.doc_no,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at,
  changeId: r.change_id,
  screens: r.screens,
  confirmed: r.confirmed,
});

/** Takedown records, the working-day calendar and API keys. */
export function createTakedownStore(db: Db) {
  const SELECT = `SELECT t.*, e.name_display AS entry_name, c.name AS category_name,
    (SELECT count(*) FROM change_screens cs WHERE cs.change_id = t.change_id) AS screens,
    (SELECT count(rendered_at) FROM change_screens cs WHERE cs.change_id = t.change_id) AS confirmed
    FROM takedowns t JOIN entries e ON e.id = t.entry_id JOIN categories c ON c.id = e.category_id`;
  const insert = db.prepare(
    `INSERT INTO takedowns (id, entry_id, kind, reason, doc_no, requested_by, requested_at, change_id)
     VALUES (@id, @entryId, @kind, @reason, @docNo, @requestedBy, @requestedAt, @changeId)`,
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
    insert: (t: Omit<Takedown, 'entryName' | 'categoryName' | 'screens' | 'confirmed'>) => insert.run(t),
    setChange: (id: string, changeId: string) => setChange.run(changeId, id),
    get: (id: string) => {
      const r = get.get(id);
      return r ? toTakedown(r) : undefined;
    },
    list: (limit: number, offset: number) => list.all(limit, offset).map(toTakedown),
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

interface ApiKeyRow {
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

/** An API key of the credit platform (its secret only as `keyHash`). */
export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: string[];
  createdBy: string | null;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

const toApiKey = (r: ApiKeyRow): ApiKeyRecord => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  keyHash: r.key_hash,
  scopes: JSON.parse(r.scopes) as string[],
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

/** API keys for the credit platform: only their hash is kept (SHA-256, or SM3 tagged `sm3:`). */
export function createApiKeyStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO api_keys (id, name, prefix, key_hash, scopes, created_by, created_at) VALUES (@id, @name, @prefix, @keyHash, @scopes, @createdBy, @createdAt)',
  );
  const list = db.prepare<[], ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at DESC');
  const byHash = db.prepare<[string], ApiKeyRow>(
    'SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL',
  );
  const revoke = db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const touch = db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?');
  const rehash = db.prepare('UPDATE api_keys SET key_hash = ? WHERE id = ?');
  return {
    insert: (k: Omit<ApiKeyRecord, 'lastUsedAt' | 'revokedAt'>) =>
      insert.run({ ...k, scopes: JSON.stringify(k.scopes) }),
    list: () => list.all().map(toApiKey),
    byHash: (hash: string) => {
      const r = byHash.get(hash);
      return r ? toApiKey(r) : undefined;
    },
    revoke: (id: string, at: number) => revoke.run(at, id).changes === 1,
    touch: (id: string, at: number) => touch.run(at, id),
    /** The key's hash rewritten in another crypto suite (found by its old form). */
    rehash: (id: string, hash: string) => rehash.run(hash, id),
  };
}
export type ApiKeyStore = ReturnType<typeof createApiKeyStore>;
