import type { Logger } from 'pino';
import type { Namespace, RemoteSocket, Socket } from 'socket.io';
import type { Ack, ManifestUpdated, PlayerToServer, ServerToPlayer } from '../../core/protocol/events.js';
import type { Config } from '../config.js';
import type { Services } from '../services/index.js';
import type { Screen } from '../services/screens/screenService.js';

export type PlayerData = { screenId: string };
export type PlayerSocket = Socket<PlayerToServer, ServerToPlayer, Record<string, never>, PlayerData>;
export type PlayerRemote = RemoteSocket<ServerToPlayer, PlayerData>;
export type PlayerNs = Namespace<PlayerToServer, ServerToPlayer, Record<string, never>, PlayerData>;

export const screenRoom = (id: string) => `screen:${id}`;
export const hallRoom = (id: string) => `hall:${id}`;
export const groupRoom = (id: string) => `group:${id}`;
/** The rooms a screen's sockets belong in, from its row (never from anything the player sends). */
export const roomsOf = (row: Screen) => [
  screenRoom(row.id),
  hallRoom(row.hallId),
  ...(row.groupId ? [groupRoom(row.groupId)] : []),
];

const SLICE = 250;

/**
 * Pushes `manifest:updated` to screens' rooms: the revision, and the manifest itself when it is
 * small (`manifestInlineMaxBytes`); otherwise the player fetches it over HTTP. Emits go to rooms,
 * so an adapter (Redis Streams) delivers them on whichever node holds the socket.
 */
export function createFanout(
  players: PlayerNs,
  s: Services,
  config: Config,
  log: Logger,
  onReceived: (screenId: string, revision: number) => void,
) {
  const ackTimeout = config.convergenceTimeoutMs;

  function payloadFor(row: Screen): ManifestUpdated | null {
    try {
      const { manifest, bytes } = s.manifests.buildSized(row);
      return bytes <= config.manifestInlineMaxBytes
        ? { revision: manifest.revision, manifest }
        : { revision: manifest.revision };
    } catch (err) {
      log.error({ err, screenId: row.id }, 'manifest build failed');
      return null;
    }
  }

  const ok = (replies: unknown) =>
    Array.isArray(replies) && replies.some((r) => (r as Ack<unknown> | null)?.ok === true);

  function pushScreen(id: string): void {
    const row = s.screens.row(id);
    if (!row) return;
    const payload = payloadFor(row);
    if (!payload) return;
    players
      .to(screenRoom(id))
      .timeout(ackTimeout)
      .emit('manifest:updated', payload, (_err: Error | null, replies: unknown) => {
        if (ok(replies)) onReceived(id, payload.revision);
      });
  }

  return {
    /** The manifest for a socket that just connected (its resync). */
    pushSocket(socket: PlayerSocket): void {
      const row = s.screens.row(socket.data.screenId);
      if (!row) return;
      const payload = payloadFor(row);
      if (!payload) return;
      socket.timeout(ackTimeout).emit('manifest:updated', payload, (err, reply) => {
        if (!err && reply?.ok) onReceived(row.id, payload.revision);
      });
    },
    /**
     * A change's screens, a slice per turn of the event loop. A screen with no socket costs a
     * cached build and an emit to an empty room; it resyncs when it connects.
     */
    pushScreens(ids: string[]): void {
      const step = (from: number) => {
        for (const id of ids.slice(from, from + SLICE)) pushScreen(id);
        if (from + SLICE < ids.length) setImmediate(() => step(from + SLICE));
      };
      step(0);
    },
  };
}
export type Fanout = ReturnType<typeof createFanout>;
