import type { Logger } from 'pino';
import {
  PLAYER_EVENT_NAMES,
  PlayerError,
  PlayerHeartbeat,
  PlayerHello,
  PlayerPlays,
  PlayerRendered,
  PlayerState,
  type TimeSync,
} from '../../core/protocol/events.js';
import type { Config } from '../config.js';
import type { Services } from '../services/index.js';
import type { Fanout, PlayerNs, PlayerSocket } from './fanout.js';
import { roomsOf, screenRoom } from './fanout.js';
import { ackOf, Bucket, fail, guarded, type RealtimeStats } from './guard.js';

/** What the player side tells the rest of realtime. */
export interface PlayerHooks {
  /** The screen's status (as the admin sees it) moved. */
  status(screenId: string): void;
  /** These changes' convergence moved. */
  progress(changeIds: string[]): void;
}

const KNOWN = new Set<string>(PLAYER_EVENT_NAMES);

/** Per-socket limits (burst, per second), times HALLCAST_SOCKET_RATE_SCALE. */
const RATES = { hello: [5, 1], reports: [10, 2], state: [20, 5], errors: [10, 1] } as const;

/**
 * The /player namespace: the handshake token names the screen, the server puts the socket in
 * that screen's rooms (screen, hall, group) and nothing a player sends can name another screen.
 */
export function attachPlayers(
  players: PlayerNs,
  s: Services,
  config: Config,
  log: Logger,
  stats: RealtimeStats,
  fanout: Fanout,
  hooks: PlayerHooks,
  writes: Services['writes'],
): void {
  const now = () => s.clock.now();
  const timeSync = (screenId: string): TimeSync => ({
    serverTime: now(),
    listsValidUntil: now() + config.staleAfterMs,
    revision: s.screens.row(screenId)?.revision ?? 0,
  });
  const presenceMoved = (screenId: string) => {
    hooks.status(screenId);
    hooks.progress(s.convergence.openFor(screenId));
  };

  players.use((socket, next) => {
    const screen = s.screens.authenticate((socket.handshake.auth as { token?: unknown } | undefined)?.token);
    if (!screen) {
      const err = new Error('unauthorized') as Error & { data: unknown };
      err.data = { code: 'unauthorized', message: '屏幕令牌无效或已撤销，请重新配对' };
      next(err);
      return;
    }
    socket.data.screenId = screen.id;
    next();
  });

  players.on('connection', (socket: PlayerSocket) => {
    const screenId = socket.data.screenId;
    const row = s.screens.row(screenId);
    if (!row) {
      socket.disconnect(true);
      return;
    }
    void socket.join(roomsOf(row));
    const bucket = ([burst, perSecond]: readonly [number, number]) =>
      new Bucket(burst * config.socketRateScale, perSecond * config.socketRateScale, now);
    const hello = bucket(RATES.hello);
    const reports = bucket(RATES.reports);
    const state = bucket(RATES.state);
    const errors = bucket(RATES.errors);

    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && KNOWN.has(event)) return;
      stats.malformed++;
      stats.unknownEvents++;
      ackOf(args)?.(fail('unknown_event', 'unknown event'));
    });

    socket.on(
      'player:hello',
      guarded(PlayerHello, hello, stats, (p) => {
        s.presence.connected(screenId, p.version, p.engine);
        s.alerts.alive(screenId);
        hooks.status(screenId);
        return timeSync(screenId);
      }),
    );
    socket.on(
      'player:heartbeat',
      guarded(PlayerHeartbeat, hello, stats, (p) => {
        const before = s.presence.get(screenId);
        s.presence.heartbeat(screenId, p);
        s.alerts.alive(screenId);
        const moved =
          !before?.online ||
          before.currentItem !== p.item ||
          before.errors !== p.errors ||
          before.version !== p.version;
        if (moved) presenceMoved(screenId);
        return timeSync(screenId);
      }),
    );
    socket.on(
      'player:rendered',
      guarded(PlayerRendered, reports, stats, async (p) => {
        hooks.progress(await writes.run(() => s.convergence.rendered(screenId, p.revision)));
        hooks.status(screenId);
        return undefined;
      }),
    );
    socket.on(
      'player:plays',
      guarded(PlayerPlays, reports, stats, (p) => ({ stored: s.plays.record(screenId, p) })),
    );
    socket.on(
      'player:state',
      guarded(PlayerState, state, stats, (p) => {
        s.presence.state(screenId, p);
        hooks.status(screenId);
      }),
    );
    socket.on(
      'player:error',
      guarded(PlayerError, errors, stats, (p) => {
        s.presence.error(screenId, { code: p.code, message: p.message.slice(0, 200) });
        hooks.status(screenId);
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
          presenceMoved(screenId);
        });
    });

    s.presence.connected(screenId);
    s.alerts.alive(screenId);
    presenceMoved(screenId);
    fanout.pushSocket(socket);
  });
}
