import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { type Namespace, Server, type Socket } from 'socket.io';
import {
  type AdminToServer,
  PlayerError,
  PlayerHeartbeat,
  PlayerHello,
  PlayerPlays,
  PlayerRendered,
  PlayerState,
  type PlayerToServer,
  type ServerToAdmin,
  type ServerToPlayer,
  type TimeSync,
} from '../../core/protocol/events.js';
import type { Config } from '../config.js';
import { SESSION_COOKIE } from '../http/middleware/auth.js';
import type { Services } from '../services/index.js';
import { Bucket, guarded, type RealtimeStats } from './guard.js';

type PlayerSocket = Socket<PlayerToServer, ServerToPlayer, Record<string, never>, { screenId: string }>;
type PlayerNs = Namespace<PlayerToServer, ServerToPlayer, Record<string, never>, { screenId: string }>;
type AdminNs = Namespace<AdminToServer, ServerToAdmin>;

const screenRoom = (id: string) => `screen:${id}`;

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** The /player and /admin namespaces, fan-out of changes and ack tracking. */
export function createRealtime(http: HttpServer, s: Services, config: Config, log: Logger) {
  const io = new Server(http, {
    transports: ['websocket', 'polling'],
    serveClient: false,
    pingInterval: 20_000,
  });
  const stats: RealtimeStats = { malformed: 0, rateLimited: 0 };
  const players = io.of('/player') as unknown as PlayerNs;
  const admins = io.of('/admin') as unknown as AdminNs;
  const now = () => s.clock.now();

  const timeSync = (screenId: string): TimeSync => ({
    serverTime: now(),
    listsValidUntil: now() + config.staleAfterMs,
    revision: s.stores.screens.get(screenId)?.revision ?? 0,
  });
  const pushStatus = (screenId: string) => {
    const row = s.stores.screens.get(screenId);
    if (row && row.revoked_at === null) admins.emit('screen:updated', s.screens.status(row));
  };

  /** Sends a screen its current manifest; the ack means received. */
  function pushManifest(socket: PlayerSocket): void {
    const row = s.stores.screens.get(socket.data.screenId);
    if (!row || row.revoked_at !== null) return;
    let manifest: ReturnType<typeof s.manifests.build>;
    try {
      manifest = s.manifests.build(row);
    } catch (err) {
      log.error({ err, screenId: row.id }, 'manifest build failed');
      return;
    }
    socket
      .timeout(30_000)
      .emit('manifest:updated', { revision: manifest.revision, manifest }, (err, reply) => {
        if (err || !reply?.ok) return;
        s.changes.received(row.id, manifest.revision);
        pushStatus(row.id);
      });
  }

  players.use((socket, next) => {
    const screen = s.screens.authenticate((socket.handshake.auth as { token?: unknown }).token);
    if (!screen) {
      const err = new Error('unauthorized') as Error & { data: unknown };
      err.data = { code: 'unauthorized', message: '屏幕令牌无效或已撤销，请重新配对' };
      next(err);
      return;
    }
    socket.data.screenId = screen.id;
    next();
  });

  players.on('connection', (socket) => {
    const screenId = socket.data.screenId;
    const row = s.stores.screens.get(screenId)!;
    void socket.join([
      screenRoom(screenId),
      `hall:${row.hall_id}`,
      ...(row.group_id ? [`group:${row.group_id}`] : []),
    ]);
    const bucket = (capacity: number, perSecond: number) => new Bucket(capacity, perSecond, now);
    const hb = bucket(5, 1);
    const reports = bucket(10, 2);
    const errors = bucket(10, 1);
    const stateBucket = bucket(20, 5);

    socket.on(
      'player:hello',
      guarded(PlayerHello, hb, stats, (p) => {
        s.presence.connected(screenId, p.version);
        pushStatus(screenId);
        return timeSync(screenId);
      }),
    );
    socket.on(
      'player:heartbeat',
      guarded(PlayerHeartbeat, hb, stats, (p) => {
        s.presence.heartbeat(screenId, p);
        return timeSync(screenId);
      }),
    );
    socket.on(
      'player:rendered',
      guarded(PlayerRendered, reports, stats, (p) => {
        const current = s.stores.screens.get(screenId)?.revision ?? 0;
        s.changes.rendered(screenId, Math.min(p.revision, current));
        pushStatus(screenId);
        return undefined;
      }),
    );
    socket.on(
      'player:plays',
      guarded(PlayerPlays, reports, stats, (p) => ({ stored: s.stores.plays.insertMany(screenId, p) })),
    );
    socket.on(
      'player:state',
      guarded(PlayerState, stateBucket, stats, (p) => {
        s.presence.state(screenId, p);
        pushStatus(screenId);
      }),
    );
    socket.on(
      'player:error',
      guarded(PlayerError, errors, stats, (p) => {
        s.presence.error(screenId);
        log.warn({ screenId, code: p.code, message: p.message.slice(0, 200) }, 'player error');
      }),
    );
    socket.on('disconnect', () => {
      void players
        .in(screenRoom(screenId))
        .fetchSockets()
        .then((left) => {
          if (left.length > 0) return;
          s.presence.disconnected(screenId);
          pushStatus(screenId);
        });
    });
    s.presence.connected(screenId, '');
    pushStatus(screenId);
    pushManifest(socket);
  });

  admins.use((socket, next) => {
    const session = s.auth.authenticate(cookieOf(socket.handshake.headers.cookie, SESSION_COOKIE));
    if (!session) {
      next(new Error('unauthenticated'));
      return;
    }
    next();
  });

  const off = s.bus.on((event) => {
    switch (event.type) {
      case 'screens:changed':
        for (const id of event.screenIds) {
          void players
            .in(screenRoom(id))
            .fetchSockets()
            .then((sockets) => {
              for (const socket of sockets) pushManifest(socket as unknown as PlayerSocket);
            });
          pushStatus(id);
        }
        emitProgress(event.changeId);
        break;
      case 'screen:revoked':
        players
          .to(screenRoom(event.screenId))
          .emit('server:bye', { code: 'revoked', message: '此屏幕已被撤销，请重新配对' });
        players.in(screenRoom(event.screenId)).disconnectSockets(true);
        s.presence.disconnected(event.screenId);
        admins.emit('screen:removed', { id: event.screenId });
        break;
      case 'screen:updated':
        pushStatus(event.screenId);
        break;
      case 'change:progress':
        emitProgress(event.changeId);
        break;
    }
  });

  function emitProgress(changeId: string): void {
    const p = s.changes.progress(changeId, (id) => s.presence.isOnline(id));
    if (p) admins.emit('change:progress', p);
  }

  return {
    io,
    stats,
    /** Marks screens without a recent heartbeat offline and tells the admin. */
    expirePresence(): void {
      for (const id of s.presence.expire(config.offlineAfterMs)) pushStatus(id);
    },
    async close(): Promise<void> {
      off();
      players.emit('server:bye', { code: 'shutdown', message: '服务器正在重启' });
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
export type Realtime = ReturnType<typeof createRealtime>;
