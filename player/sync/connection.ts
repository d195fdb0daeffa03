import { io, type Socket } from 'socket.io-client';
import type { ItemKind, Manifest } from '../../core/manifest/types.js';
import {
  Command,
  type PlayerError,
  type PlayerToServer,
  type PlayRecord,
  type ServerToPlayer,
  type TimeSync,
} from '../../core/protocol/events.js';
import { engineOfPage } from '../boot/bootInfo.js';
import { backoffDelay } from './backoff.js';
import { type CommandHost, handleCommand } from './commands.js';
import type { OfflineStore } from './offlineStore.js';
import type { PlaysBuffer } from './playsBuffer.js';
import type { SyncSnapshot } from './snapshot.js';
import { PLAYER_VERSION } from './version.js';

const DEFAULTS = { heartbeatMs: 30_000, reconnectMaxMs: 60_000, playsBatchMs: 60_000 };
/** Errors kept while offline, sent when the server is back. */
const MAX_QUEUED_ERRORS = 20;

/** One `player:plays` event stays well under the server's message size limit (1 MB). */
const MAX_BATCH_CHARS = 256_000;

/**
 * The oldest records that fit in one event. Plays are recorded in segments small enough to fit
 * (playback/proofOfPlay.ts); should one still be too large, it keeps its most-seen entries
 * rather than be refused for ever.
 */
export function fitBatch(records: PlayRecord[]): PlayRecord[] {
  const out: PlayRecord[] = [];
  let size = 0;
  for (const r of records) {
    let rec = r;
    let len = JSON.stringify(rec).length;
    if (len > MAX_BATCH_CHARS && rec.entries) {
      const keep = Math.floor((rec.entries.length * MAX_BATCH_CHARS) / len / 2);
      rec = { ...rec, entries: [...rec.entries].sort((a, b) => b.visibleMs - a.visibleMs).slice(0, keep) };
      len = JSON.stringify(rec).length;
    }
    if (out.length > 0 && size + len > MAX_BATCH_CHARS) break;
    out.push(rec);
    size += len;
  }
  return out;
}

const canvasOf = () => ({ width: Math.max(16, window.innerWidth), height: Math.max(8, window.innerHeight) });

/** What the connection drives: the player's sync, seen through only what it needs. */
export interface ConnectionHost extends CommandHost {
  readonly snapshot: SyncSnapshot;
  readonly earlyErrors: { code: string; message: string; itemId?: string }[];
  readonly store: OfflineStore | null;
  readonly plays: PlaysBuffer;
  set(patch: Partial<SyncSnapshot>): void;
  unpair(): void;
  apply(raw: unknown): Promise<void>;
  fetchManifest(force?: boolean): Promise<number>;
  reportError(code: string, message: string, itemId?: string): void;
  renewLists(serverTime: number, listsValidUntil: number): void;
}

/**
 * The socket to the server: reconnects with exponential backoff and jitter (capped by the
 * manifest's reconnectMaxMs), says hello with its revision (the server answers with the current
 * manifest when it differs), beats, flushes proof of play in batches and answers commands.
 */
export class Connection {
  private socket: Socket<ServerToPlayer, PlayerToServer>;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private playsTimer: ReturnType<typeof setInterval> | undefined;
  private settings = { ...DEFAULTS };
  private queued: PlayerError[] = [];
  private errorCount = 0;
  private sendingPlays = false;
  private closed = false;
  private readonly startedAt = performance.now();
  private lastState = '';

  constructor(private sync: ConnectionHost) {
    this.queued = sync.earlyErrors.splice(0).slice(-MAX_QUEUED_ERRORS);
    this.errorCount = this.queued.length;
    const m = sync.snapshot.manifest;
    if (m) this.settingsChanged(m);
    else this.arm();
    this.socket = io(`${sync.base}/player`, {
      auth: { token: sync.token },
      transports: ['websocket'],
      reconnection: false,
      timeout: 10_000,
    });
    this.wire();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  get errors(): number {
    return this.errorCount;
  }

  private wire(): void {
    const { socket, sync } = this;
    socket.on('connect', () => {
      this.attempt = 0;
      sync.set({ connected: true });
      socket.emit(
        'player:hello',
        {
          revision: sync.snapshot.manifest?.revision ?? 0,
          version: PLAYER_VERSION,
          canvas: canvasOf(),
          engine: engineOfPage(),
        },
        (r) => {
          if (r.ok) this.onTime(r.data);
        },
      );
      for (const e of this.queued.splice(0)) socket.emit('player:error', e);
      void this.flushPlays();
    });
    socket.on('disconnect', (reason) => {
      sync.set({ connected: false });
      if (reason !== 'io client disconnect') this.scheduleReconnect();
    });
    socket.on('connect_error', (err) => {
      const data = (err as Error & { data?: { code?: string } }).data;
      if (data?.code === 'unauthorized') return sync.unpair();
      this.scheduleReconnect();
    });
    socket.on('server:bye', (p) => {
      if (p.code === 'revoked') sync.unpair();
    });
    socket.on('manifest:updated', (p, ack) => {
      ack({ ok: true, data: undefined });
      if (p.manifest) void sync.apply(p.manifest);
      else
        void sync.fetchManifest().catch((err) => sync.reportError('resync_failed', (err as Error).message));
    });
    socket.on('command', (raw, ack) => {
      const cmd = Command.safeParse(raw);
      if (!cmd.success) {
        return ack({
          ok: false,
          error: { code: 'invalid_payload', message: cmd.error.issues[0]?.message ?? '' },
        });
      }
      void handleCommand(sync, cmd.data).then(ack, (err) =>
        ack({ ok: false, error: { code: 'command_failed', message: (err as Error).message } }),
      );
    });
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const delay = backoffDelay(this.attempt++, this.settings.reconnectMaxMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.closed && !this.socket.connected) this.socket.connect();
    }, delay);
  }

  private onTime(t: TimeSync): void {
    this.sync.renewLists(t.serverTime, t.listsValidUntil);
    const have = this.sync.snapshot.manifest?.revision ?? -1;
    // The server pushes its manifest on connect; fetch it only if that push does not come.
    if (t.revision !== have) {
      setTimeout(() => {
        if ((this.sync.snapshot.manifest?.revision ?? -1) !== t.revision && this.socket.connected)
          void this.sync.fetchManifest().catch(() => undefined);
      }, 3000);
    }
  }

  /** Intervals come with the manifest; re-armed when they change. */
  settingsChanged(m: Manifest): void {
    const next = {
      heartbeatMs: m.player.heartbeatMs,
      reconnectMaxMs: m.player.reconnectMaxMs,
      playsBatchMs: m.player.playsBatchMs,
    };
    const same =
      next.heartbeatMs === this.settings.heartbeatMs && next.playsBatchMs === this.settings.playsBatchMs;
    this.settings = next;
    if (!same || !this.heartbeat) this.arm();
  }

  private arm(): void {
    clearInterval(this.heartbeat);
    clearInterval(this.playsTimer);
    // Jitter spreads a hall's screens so they do not beat in step.
    this.heartbeat = setInterval(
      () => void this.beat(),
      this.settings.heartbeatMs * (0.9 + Math.random() * 0.2),
    );
    this.playsTimer = setInterval(() => void this.flushPlays(), this.settings.playsBatchMs);
  }

  private async beat(): Promise<void> {
    if (!this.socket.connected) return;
    const usage = (await this.sync.store?.usage().catch(() => undefined)) ?? { bytes: 0, items: 0 };
    const s = this.sync.snapshot;
    this.socket.emit(
      'player:heartbeat',
      {
        revision: s.manifest?.revision ?? 0,
        item: this.lastItem,
        uptimeS: Math.round((performance.now() - this.startedAt) / 1000),
        version: PLAYER_VERSION,
        canvas: canvasOf(),
        cache: usage,
        errors: this.errorCount,
      },
      (r) => {
        if (r.ok) this.onTime(r.data);
      },
    );
  }

  private lastItem: string | null = null;

  /** Sends buffered proof of play, oldest first; removed from the buffer once the server stored it. */
  async flushPlays(): Promise<void> {
    if (this.sendingPlays || !this.socket.connected) return;
    this.sendingPlays = true;
    try {
      for (let round = 0; round < 20; round++) {
        const batch = fitBatch(await this.sync.plays.batch(500));
        if (batch.length === 0) break;
        const reply = await this.socket.timeout(15_000).emitWithAck('player:plays', batch);
        if (!reply.ok) break;
        await this.sync.plays.remove(batch.map((p) => p.id));
      }
    } catch {
      // Offline or no answer: the records stay buffered for the next round.
    } finally {
      this.sendingPlays = false;
    }
  }

  rendered(revision: number): void {
    if (this.socket.connected) this.socket.emit('player:rendered', { revision }, () => undefined);
  }

  /** Item changes (the server rate-limits them); a repeat of the last one is not sent. */
  state(itemId: string | null, kind: ItemKind | null, revision: number): void {
    this.lastItem = itemId;
    const key = `${itemId}:${kind}:${revision}`;
    if (key === this.lastState) return;
    this.lastState = key;
    if (this.socket.connected) this.socket.emit('player:state', { itemId, kind, revision });
  }

  error(e: PlayerError): void {
    this.errorCount++;
    if (this.socket.connected) this.socket.emit('player:error', e);
    else this.queued = [...this.queued, e].slice(-MAX_QUEUED_ERRORS);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.heartbeat);
    clearInterval(this.playsTimer);
    this.socket.disconnect();
  }
}
