import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { Config } from '../config.js';
import type { Services } from '../services/index.js';
import { type AdminNs, attachAdminSessions } from './adminSessions.js';
import { attachAdmins } from './admins.js';
import { createFanout, groupRoom, hallRoom, type PlayerNs, roomsOf, screenRoom } from './fanout.js';
import { newStats } from './guard.js';
import { attachPlayers } from './players.js';

/** The /player and /admin namespaces, fan-out of changes, ack tracking and remote commands. */
export function createRealtime(http: HttpServer, s: Services, config: Config, log: Logger) {
  const io = new Server(http, {
    // WebSocket first: several nodes behind a balancer then need no sticky sessions.
    transports: ['websocket', 'polling'],
    serveClient: false,
    pingInterval: 20_000,
    maxHttpBufferSize: 1_000_000,
  });
  const stats = newStats();
  const players = io.of('/player') as unknown as PlayerNs;
  const admins = io.of('/admin') as unknown as AdminNs;
  const sessions = attachAdminSessions(admins, s.auth, config);
  const push = attachAdmins(admins, s, config);

  const writes = s.writes;
  const fanout = createFanout(players, s, config, log, (screenId, revision) => {
    writes
      .run(() => s.convergence.received(screenId, revision))
      .then(
        (moved) => {
          push.progress(moved);
          push.status(screenId);
        },
        (err: unknown) => log.error({ err, screenId }, 'recording a received ack failed'),
      );
  });
  attachPlayers(players, s, config, log, stats, fanout, push, writes);

  s.commands.attach({
    send: (screenId, command, timeoutMs) =>
      new Promise((resolve) => {
        players
          .to(screenRoom(screenId))
          .timeout(timeoutMs)
          .emit('command', command, (err: Error | null, replies: unknown) =>
            resolve({ timedOut: err !== null, replies: Array.isArray(replies) ? replies : [] }),
          );
      }),
  });

  /** A screen moved hall or group: its sockets follow into the new rooms. */
  async function reroom(screenId: string): Promise<void> {
    const row = s.screens.row(screenId);
    if (!row) return;
    const want = new Set(roomsOf(row));
    for (const socket of await players.in(screenRoom(screenId)).fetchSockets()) {
      for (const room of socket.rooms) {
        const placed = room.startsWith(hallRoom('')) || room.startsWith(groupRoom(''));
        if (placed && !want.has(room)) socket.leave(room);
      }
      socket.join([...want]);
    }
  }

  const offBus = s.bus.on((event) => {
    switch (event.type) {
      case 'screens:changed':
        s.convergence.opened(event.changeId);
        fanout.pushScreens(event.screenIds);
        push.progress([event.changeId]);
        for (const id of event.screenIds) push.status(id);
        break;
      case 'screen:revoked':
        // The goodbye is the last thing the socket hears: it is disconnected right after.
        players
          .to(screenRoom(event.screenId))
          .emit('server:bye', { code: 'revoked', message: '此屏幕已被撤销，请重新配对' });
        players.in(screenRoom(event.screenId)).disconnectSockets(true);
        s.presence.disconnected(event.screenId);
        admins.emit('screen:removed', { id: event.screenId });
        break;
      case 'screen:updated':
        void reroom(event.screenId);
        push.status(event.screenId);
        break;
      case 'change:progress':
        push.progress([event.changeId]);
        break;
      case 'session:ended':
        sessions.end(event.reason, event.userId, event.idHash, event.exceptIdHash);
        break;
      case 'import:progress':
        push.importProgress(event.idHash, event.progress);
        break;
    }
  });
  const offAlerts = s.alerts.subscribe((e) => {
    if (e.type === 'raised') admins.emit('alert:raised', e.alert);
    else admins.emit('alert:cleared', e.payload);
    push.status(e.type === 'raised' ? e.alert.screenId : e.payload.screenId);
  });
  const offCommands = s.commands.subscribe((r) => admins.emit('command:result', r));

  return {
    io,
    stats,
    /** Marks screens without a recent sign of life offline, then raises or clears alerts. */
    expirePresence(): void {
      for (const id of s.presence.expire(config.offlineAfterMs)) {
        push.status(id);
        push.progress(s.convergence.openFor(id));
      }
      s.alerts.check();
    },
    /** Closes admin sockets whose session expired or whose user's role changed. */
    checkAdminSessions(): void {
      sessions.check();
    },
    /** Re-sends progress of changes whose convergence timeout just passed (pending -> 超时). */
    convergenceTick(): void {
      push.progress(s.convergence.timedOut());
    },
    async close(): Promise<void> {
      offBus();
      offAlerts();
      offCommands();
      push.close();
      players.emit('server:bye', { code: 'shutdown', message: '服务器正在重启' });
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}
export type Realtime = ReturnType<typeof createRealtime>;
