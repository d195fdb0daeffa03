import { randomBytes, randomUUID } from 'node:crypto';
import type { ScreenStatus } from '../../../core/protocol/events.js';
import {
  PAIRING_ALPHABET,
  type PairPoll,
  type PairPollResult,
  type PairRegister,
  type PairRegistered,
  type ScreenClaim,
  type ScreenUpdate,
} from '../../../core/protocol/rest.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import {
  badRequest,
  codeExpired,
  conflict,
  missingChoice,
  notFound,
  notFoundAs,
  rateLimited,
} from '../../errors.js';
import type { Db } from '../../store/db.js';
import type { HallStore } from '../../store/hallStore.js';
import type { Screen, ScreenPlacement, ScreenStore } from '../../store/screenStore.js';
import { RateLimiter } from '../access/rateLimiter.js';
import type { ChangeService } from '../delivery/changeService.js';
import type { AuditService } from '../shared/auditService.js';
import type { EventBus } from '../shared/events.js';
import type { SecretHasher } from '../shared/secretHash.js';
import type { Presence } from './presence.js';

type Deps = {
  hashes: SecretHasher;
  db: Db;
  screens: ScreenStore;
  halls: HallStore;
  presence: Presence;
  changes: ChangeService;
  audit: AuditService;
  bus: EventBus;
  clock: Clock;
  config: Pick<Config, 'pairingCodeTtlMs' | 'pairingRateMax'>;
  publicUrl: () => string;
};

/** The audit record of an edit keeps the column names it has always been written with. */
const placementSummary = (p: ScreenPlacement) => ({
  id: p.id,
  name: p.name,
  hall_id: p.hallId,
  group_id: p.groupId,
  layout: p.layout,
  width: p.width,
  height: p.height,
});

function newCode(): string {
  return Array.from(randomBytes(6), (b) => PAIRING_ALPHABET[b % PAIRING_ALPHABET.length]).join('');
}

/** Pairing, screens and their status as the admin sees them. */
/** Valid device tokens kept in memory; a city's screens are far fewer. */
const MAX_KNOWN_TOKENS = 100_000;

export function createScreenService(d: Deps) {
  const limiter = new RateLimiter(d.clock, d.config.pairingRateMax, 60_000);
  /** Tokens waiting for their device to collect them; never written to disk. */
  const pendingTokens = new Map<string, { token: string; screenId: string; expiresAt: number }>();

  const limit = (key: string) => {
    const wait = limiter.hit(key);
    if (wait > 0) throw rateLimited(wait, `请求过于频繁，请 ${wait} 秒后再试`);
  };

  function status(r: Screen): ScreenStatus {
    const p = d.presence.get(r.id);
    const hall = d.halls.getHall(r.hallId);
    const group = r.groupId ? d.halls.getGroup(r.groupId) : undefined;
    return {
      id: r.id,
      name: r.name,
      hallId: r.hallId,
      hallName: hall?.name ?? '',
      groupId: r.groupId,
      groupName: group?.name ?? null,
      layout: r.layout,
      canvas: { width: r.width, height: r.height },
      online: p?.online ?? false,
      lastSeenAt: p?.lastSeenAt ?? r.lastSeenAt,
      revision: r.revision,
      ackedRevision: r.ackedRevision,
      renderedRevision: r.renderedRevision,
      currentItem: p?.currentItem ?? r.currentItem,
      currentKind: p?.currentKind ?? r.currentKind,
      version: p?.version ?? r.version,
      engine: p?.engine ?? r.engine,
      uptimeS: p?.uptimeS ?? r.uptimeS,
      errors: p?.errors ?? r.errors,
      pairedAt: r.pairedAt,
      revoked: r.revokedAt !== null,
    };
  }

  /** Valid device tokens by hash -> screen id (see `screenIdOf`). */
  const validTokens = new Map<string, string>();
  const remember = (hash: string, screenId: string) => {
    if (validTokens.size >= MAX_KNOWN_TOKENS) validTokens.delete(validTokens.keys().next().value!);
    validTokens.set(hash, screenId);
  };

  /** The screen of a device token; one paired before a switch of HALLCAST_CRYPTO is rehashed on this use. */
  const byToken = (token: string) =>
    d.hashes.find(
      token,
      (h) => d.screens.getByTokenHash(h),
      (row, h) => d.screens.rehashToken(row.id, h),
    );

  function mustGet(id: string): Screen {
    const r = d.screens.get(id);
    if (!r || r.revokedAt !== null) throw notFound('屏幕');
    return r;
  }

  function checkPlacement(hallId: string, groupId: string | null): void {
    if (!d.halls.getHall(hallId)) throw missingChoice('hall_missing', '大厅');
    if (groupId) {
      const g = d.halls.getGroup(groupId);
      if (!g) throw badRequest('group_missing', '所选分组不存在，请刷新后重新选择');
      if (g.hallId !== hallId) throw badRequest('group_hall_mismatch', '所选分组不属于该大厅，请重新选择');
    }
  }

  return {
    status,
    list: () => d.screens.list().map(status),
    get: (id: string) => status(mustGet(id)),

    /** An unpaired device registers its secret and receives a code to show. */
    register(input: PairRegister, ip: string): PairRegistered {
      limit(`register:${ip}`);
      const now = d.clock.now();
      d.screens.purgeCodes(now);
      let code = newCode();
      while (d.screens.getCode(code)) code = newCode();
      const expiresAt = now + d.config.pairingCodeTtlMs;
      d.screens.insertCode({
        code,
        secretHash: d.hashes.hash(input.deviceSecret),
        width: input.canvas.width,
        height: input.canvas.height,
        version: input.version,
        createdAt: now,
        expiresAt,
      });
      return { code, expiresAt, serverUrl: d.publicUrl() };
    },

    /** The device that showed the code, and only it, collects its token once claimed. */
    poll(input: PairPoll, ip: string): PairPollResult {
      limit(`poll:${ip}`);
      const row = d.screens.getCode(input.code);
      const now = d.clock.now();
      if (!row || !d.hashes.candidates(input.deviceSecret).includes(row.secretHash)) {
        throw notFoundAs('code_not_found', '配对码无效，请重新获取配对码');
      }
      if (!row.screenId) {
        if (row.expiresAt <= now) throw codeExpired('配对码已过期，请重新获取配对码');
        return { status: 'pending', expiresAt: row.expiresAt };
      }
      const pending = pendingTokens.get(input.code);
      d.screens.deleteCode(input.code);
      pendingTokens.delete(input.code);
      if (!pending) throw codeExpired('配对已失效（服务器曾重启），请重新获取配对码并再次认领');
      const screen = mustGet(pending.screenId);
      return { status: 'paired', token: pending.token, screenId: screen.id, screenName: screen.name };
    },

    /** An operator claims a code shown on a screen and places the screen. */
    claim(input: ScreenClaim, actor: string): ScreenStatus {
      limit(`claim:${actor}`);
      const row = d.screens.getCode(input.code);
      const now = d.clock.now();
      if (!row || row.screenId)
        throw notFoundAs('code_not_found', `未找到配对码 ${input.code}，请核对屏幕上显示的配对码`);
      if (row.expiresAt <= now) throw codeExpired('配对码已过期，请在屏幕上刷新后使用新的配对码');
      checkPlacement(input.hallId, input.groupId);
      const token = randomBytes(32).toString('hex');
      const id = randomUUID();
      const change = d.db.transaction(() => {
        d.screens.insert({
          id,
          name: input.name,
          hallId: input.hallId,
          groupId: input.groupId,
          layout: input.layout,
          width: input.canvas.width,
          height: input.canvas.height,
          tokenHash: d.hashes.hash(token),
          pairedAt: now,
        });
        if (!d.screens.claimCode(input.code, id)) throw conflict('code_claimed', '该配对码刚被认领，请刷新');
        d.audit.record({
          actor,
          action: 'screen.pair',
          target: id,
          summary: { name: input.name, hallId: input.hallId },
        });
        return d.changes.record('screen', `屏幕「${input.name}」已配对`, actor, [id]);
      })();
      pendingTokens.set(input.code, { token, screenId: id, expiresAt: row.expiresAt });
      d.changes.publish(change);
      d.bus.emit({ type: 'screen:updated', screenId: id });
      return status(mustGet(id));
    },

    update(id: string, input: ScreenUpdate, actor: string): ScreenStatus {
      const r = mustGet(id);
      const next = {
        id,
        name: input.name ?? r.name,
        hallId: input.hallId ?? r.hallId,
        groupId: input.groupId === undefined ? r.groupId : input.groupId,
        layout: input.layout ?? r.layout,
        width: input.canvas?.width ?? r.width,
        height: input.canvas?.height ?? r.height,
      };
      checkPlacement(next.hallId, next.groupId);
      const change = d.db.transaction(() => {
        d.screens.update(next);
        d.audit.record({
          actor,
          action: 'screen.update',
          target: id,
          summary: { before: r.name, after: placementSummary(next) },
        });
        return d.changes.record('screen', `屏幕「${next.name}」已修改`, actor, [id]);
      })();
      d.changes.publish(change);
      d.bus.emit({ type: 'screen:updated', screenId: id });
      return status(mustGet(id));
    },

    revoke(id: string, actor: string): ScreenStatus {
      const r = mustGet(id);
      d.db.transaction(() => {
        d.screens.revoke(id, d.clock.now());
        d.audit.record({ actor, action: 'screen.revoke', target: id, summary: { name: r.name } });
      })();
      for (const [hash, screenId] of validTokens) if (screenId === id) validTokens.delete(hash);
      d.bus.emit({ type: 'screen:revoked', screenId: id });
      return status(d.screens.get(id)!);
    },

    /** The screen behind a device token, if it is valid and not revoked. */
    authenticate(token: unknown): Screen | undefined {
      if (typeof token !== 'string' || !/^[0-9a-f]{64}$/.test(token)) return undefined;
      const hash = d.hashes.hash(token);
      const row = byToken(token);
      if (row) remember(hash, row.id);
      return row;
    },

    /**
     * The id of the screen behind a valid device token, from memory once seen: after a
     * publication every screen fetches its new datasets at once. A token is only ever made
     * invalid by `revoke` (above), which forgets it; a screen's token never changes.
     */
    screenIdOf(token: unknown): string | undefined {
      if (typeof token !== 'string' || !/^[0-9a-f]{64}$/.test(token)) return undefined;
      const hash = d.hashes.hash(token);
      const known = validTokens.get(hash);
      if (known) return known;
      const row = byToken(token);
      if (!row) return undefined;
      remember(hash, row.id);
      return row.id;
    },

    /** A paired, not revoked screen's row (fresh from the store), or undefined. */
    row(id: string): Screen | undefined {
      const r = d.screens.get(id);
      return r && r.revokedAt === null ? r : undefined;
    },

    /** Writes the presence that changed since the last flush (HALLCAST_PRESENCE_FLUSH_MS). */
    flushPresence(): void {
      const dirty = d.presence.drainDirty();
      if (dirty.length > 0) d.screens.flushPresence(dirty);
    },
  };
}
export type ScreenService = ReturnType<typeof createScreenService>;
/** A screen as realtime places it in rooms and builds its payload. */
export type { Screen } from '../../store/screenStore.js';
