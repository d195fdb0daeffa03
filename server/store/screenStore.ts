import type { Layout } from '../../core/manifest/types.js';
import type { Db } from './db.js';

interface ScreenRow {
  id: string;
  name: string;
  hall_id: string;
  group_id: string | null;
  layout: Layout;
  width: number;
  height: number;
  token_hash: string;
  revision: number;
  acked_revision: number;
  rendered_revision: number;
  paired_at: number;
  revoked_at: number | null;
  last_seen_at: number | null;
  version: string | null;
  uptime_s: number | null;
  current_item: string | null;
  current_kind: string | null;
  errors: number;
  engine_name: 'chromium' | 'other' | null;
  engine_major: number | null;
  engine_android: number | null;
}

interface PairingRow {
  code: string;
  secret_hash: string;
  width: number;
  height: number;
  version: string;
  created_at: number;
  expires_at: number;
  screen_id: string | null;
}

/** A paired screen (table `screens`). */
export interface Screen {
  id: string;
  name: string;
  hallId: string;
  groupId: string | null;
  layout: Layout;
  width: number;
  height: number;
  tokenHash: string;
  revision: number;
  ackedRevision: number;
  renderedRevision: number;
  pairedAt: number;
  revokedAt: number | null;
  lastSeenAt: number | null;
  version: string | null;
  uptimeS: number | null;
  currentItem: string | null;
  currentKind: string | null;
  errors: number;
  /** The engine it last said hello with (migration 013). */
  engine: { name: 'chromium' | 'other'; major: number | null; android: number | null } | null;
}
/** What pairing a new screen writes. */
export type NewScreen = Pick<
  Screen,
  'id' | 'name' | 'hallId' | 'groupId' | 'layout' | 'width' | 'height' | 'tokenHash' | 'pairedAt'
>;
/** A screen's placement and canvas, as an edit rewrites them. */
export type ScreenPlacement = Pick<
  Screen,
  'id' | 'name' | 'hallId' | 'groupId' | 'layout' | 'width' | 'height'
>;

/** A pairing code shown by an unpaired device (table `pairing_codes`). */
export interface PairingCode {
  code: string;
  secretHash: string;
  width: number;
  height: number;
  version: string;
  createdAt: number;
  expiresAt: number;
  screenId: string | null;
}

const toScreen = (r: ScreenRow): Screen => ({
  id: r.id,
  name: r.name,
  hallId: r.hall_id,
  groupId: r.group_id,
  layout: r.layout,
  width: r.width,
  height: r.height,
  tokenHash: r.token_hash,
  revision: r.revision,
  ackedRevision: r.acked_revision,
  renderedRevision: r.rendered_revision,
  pairedAt: r.paired_at,
  revokedAt: r.revoked_at,
  lastSeenAt: r.last_seen_at,
  version: r.version,
  uptimeS: r.uptime_s,
  currentItem: r.current_item,
  currentKind: r.current_kind,
  errors: r.errors,
  engine: r.engine_name ? { name: r.engine_name, major: r.engine_major, android: r.engine_android } : null,
});
const toPairingCode = (r: PairingRow): PairingCode => ({
  code: r.code,
  secretHash: r.secret_hash,
  width: r.width,
  height: r.height,
  version: r.version,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  screenId: r.screen_id,
});

/** A presence snapshot flushed from memory in batches. */
export interface PresenceFlush {
  id: string;
  lastSeenAt: number | null;
  version: string | null;
  uptimeS: number | null;
  currentItem: string | null;
  currentKind: string | null;
  errors: number;
  /** Null when the player has not said which engine it runs (the stored one is kept). */
  engineName: string | null;
  engineMajor: number | null;
  engineAndroid: number | null;
}

/** Screens, their pairing codes and their revisions. */
export function createScreenStore(db: Db) {
  const get = db.prepare<[string], ScreenRow>('SELECT * FROM screens WHERE id = ?');
  const byToken = db.prepare<[string], ScreenRow>(
    'SELECT * FROM screens WHERE token_hash = ? AND revoked_at IS NULL',
  );
  const list = db.prepare<[], ScreenRow>('SELECT * FROM screens WHERE revoked_at IS NULL ORDER BY name');
  const insert = db.prepare(
    `INSERT INTO screens (id, name, hall_id, group_id, layout, width, height, token_hash, paired_at)
     VALUES (@id, @name, @hallId, @groupId, @layout, @width, @height, @tokenHash, @pairedAt)`,
  );
  const update = db.prepare(
    `UPDATE screens SET name = @name, hall_id = @hallId, group_id = @groupId, layout = @layout,
     width = @width, height = @height WHERE id = @id`,
  );
  const revoke = db.prepare('UPDATE screens SET revoked_at = ? WHERE id = ?');
  const bump = db.prepare('UPDATE screens SET revision = revision + 1 WHERE id = ? RETURNING revision');
  const acked = db.prepare('UPDATE screens SET acked_revision = max(acked_revision, ?) WHERE id = ?');
  const rendered = db.prepare(
    'UPDATE screens SET rendered_revision = max(rendered_revision, ?), acked_revision = max(acked_revision, ?) WHERE id = ?',
  );
  const presence = db.prepare(
    `UPDATE screens SET last_seen_at = @lastSeenAt, version = @version, uptime_s = @uptimeS,
     current_item = @currentItem, current_kind = @currentKind, errors = @errors,
     engine_name = coalesce(@engineName, engine_name),
     engine_major = CASE WHEN @engineName IS NULL THEN engine_major ELSE @engineMajor END,
     engine_android = CASE WHEN @engineName IS NULL THEN engine_android ELSE @engineAndroid END
     WHERE id = @id`,
  );
  const insertCode = db.prepare(
    `INSERT INTO pairing_codes (code, secret_hash, width, height, version, created_at, expires_at)
     VALUES (@code, @secretHash, @width, @height, @version, @createdAt, @expiresAt)`,
  );
  const getCode = db.prepare<[string], PairingRow>('SELECT * FROM pairing_codes WHERE code = ?');
  const claimCode = db.prepare('UPDATE pairing_codes SET screen_id = ? WHERE code = ? AND screen_id IS NULL');
  const deleteCode = db.prepare('DELETE FROM pairing_codes WHERE code = ?');
  const purgeCodes = db.prepare('DELETE FROM pairing_codes WHERE expires_at <= ?');
  const rehashToken = db.prepare('UPDATE screens SET token_hash = ? WHERE id = ?');
  return {
    get: (id: string) => {
      const r = get.get(id);
      return r ? toScreen(r) : undefined;
    },
    getByTokenHash: (hash: string) => {
      const r = byToken.get(hash);
      return r ? toScreen(r) : undefined;
    },
    /** The token's hash rewritten in another crypto suite (found by its old form). */
    rehashToken: (id: string, hash: string) => rehashToken.run(hash, id),
    list: () => list.all().map(toScreen),
    insert: (s: NewScreen) => insert.run(s),
    update: (s: ScreenPlacement) => update.run(s),
    revoke: (id: string, at: number) => revoke.run(at, id),
    bumpRevision: (id: string) => (bump.get(id) as { revision: number }).revision,
    setAcked: (id: string, revision: number) => acked.run(revision, id),
    setRendered: (id: string, revision: number) => rendered.run(revision, revision, id),
    flushPresence: db.transaction((rows: PresenceFlush[]) => {
      for (const r of rows) presence.run(r);
    }),
    insertCode: (c: Omit<PairingCode, 'screenId'>) => insertCode.run(c),
    getCode: (code: string) => {
      const r = getCode.get(code);
      return r ? toPairingCode(r) : undefined;
    },
    claimCode: (code: string, screenId: string) => claimCode.run(screenId, code).changes === 1,
    deleteCode: (code: string) => deleteCode.run(code),
    purgeCodes: (now: number) => purgeCodes.run(now),
  };
}
export type ScreenStore = ReturnType<typeof createScreenStore>;
