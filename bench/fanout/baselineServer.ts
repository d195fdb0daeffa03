/**
 * The baseline for bench:fanout: a bare Socket.IO server in its own process that broadcasts a
 * payload of the same size as HallCast's `manifest:updated`, with acks, and acks each
 * `player:rendered`. In storm mode it sends the payload to every socket as it (re)connects.
 */
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { peakRssMb, serve, settledHeap } from './ipc.js';

const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1]!;
const eld = monitorEventLoopDelay({ resolution: 10 });
eld.enable();
let payload: { revision: number; manifest: { pad: string } } = { revision: 1, manifest: { pad: '' } };
const sized = (bytes: number, revision: number) => ({
  revision,
  manifest: { pad: 'x'.repeat(Math.max(0, bytes - 40)) },
});
if (process.argv.includes('--resync-bytes')) payload = sized(Number(arg('resync-bytes')), 1);

const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false, pingInterval: 20_000 });
const players = io.of('/player');
players.on('connection', (socket) => {
  socket.on('player:rendered', (_p: unknown, ack: (r: unknown) => void) => ack?.({ ok: true }));
  socket.on('player:hello', (_p: unknown, ack: (r: unknown) => void) => ack?.({ ok: true, data: {} }));
  socket.on('player:heartbeat', (_p: unknown, ack: (r: unknown) => void) => ack?.({ ok: true, data: {} }));
  socket.timeout(60_000).emit('manifest:updated', payload, () => undefined);
});
await new Promise<void>((r) => http.listen(Number(arg('port')), '127.0.0.1', () => r()));

serve({
  ready: () => ({ port: (http.address() as { port: number }).port, heap: settledHeap() }),
  heap: () => settledHeap(),
  broadcast: (bytes: number) => {
    payload = sized(bytes, payload.revision + 1);
    const t0 = Date.now();
    players.timeout(120_000).emit('manifest:updated', payload, () => undefined);
    return { t0, revision: payload.revision };
  },
  resetDelay: () => eld.reset(),
  stats: () => ({
    eventLoopDelayP99Ms: Math.round(eld.percentile(99) / 1e5) / 10,
    peakRssMb: peakRssMb(),
    rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
  }),
  stop: () => {
    void io.close();
    setImmediate(() => process.exit(0));
    return true;
  },
});
process.send?.({ id: 0, result: 'started' });
