/**
 * Simulated players for bench:fanout, many per process. Each follows the real protocol: hello,
 * heartbeats every 30 s with jitter, and on `manifest:updated` an ack, then the manifest over
 * HTTP when it was not inline and every dataset it does not hold by hash (pooled keep-alive
 * agents), then `player:rendered`. In baseline mode the payload is acked and rendered at once.
 */
import { Agent, request } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { serve } from './ipc.js';

const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1]!;
const mode = arg('mode') as 'hallcast' | 'baseline';
const agent = new Agent({ keepAlive: true, maxSockets: 48 });

interface Player {
  token: string;
  socket: Socket;
  revision: number;
  datasets: Set<string>;
  renderedAt: number | null;
  armedFrom: number | null;
  timer?: ReturnType<typeof setInterval>;
}

let base = '';
let reconnectMaxMs = 2000;
const players: Player[] = [];
let payloadBytes = 0;

/** GET with a retry: a pooled keep-alive socket the server just closed fails once, as on a real player. */
async function get(path: string, token: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getOnce(path, token);
    } catch (err) {
      if (attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

function getOnce(path: string, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(body) : reject(new Error(`${path}: ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

type Update = { revision: number; manifest?: { revision: number; datasets: { hash: string }[] } };

async function apply(p: Player, update: Update): Promise<void> {
  if (mode === 'hallcast') {
    const manifest =
      update.manifest ?? (JSON.parse(await get('/api/player/manifest', p.token)) as Update['manifest'])!;
    const wanted = new Set(manifest.datasets.map((d) => d.hash));
    for (const hash of wanted) {
      if (p.datasets.has(hash)) continue;
      await get(`/datasets/${hash}`, p.token);
    }
    p.datasets = wanted;
  }
  const reply = (await p.socket
    .timeout(60_000)
    .emitWithAck('player:rendered', { revision: update.revision })) as {
    ok: boolean;
  };
  if (!reply.ok) return;
  p.revision = Math.max(p.revision, update.revision);
  if (p.armedFrom !== null && p.renderedAt === null && (p.armedFrom < 0 || update.revision > p.armedFrom)) {
    p.renderedAt = Date.now();
  }
}

function open(token: string): Promise<Player> {
  const socket = io(`${base}/player`, {
    auth: mode === 'hallcast' ? { token } : {},
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: reconnectMaxMs,
    randomizationFactor: 0.5,
    forceNew: true,
  });
  const p: Player = { token, socket, revision: 0, datasets: new Set(), renderedAt: null, armedFrom: null };
  socket.on('manifest:updated', (update: Update, ack: (r: unknown) => void) => {
    ack({ ok: true, data: undefined });
    payloadBytes ||= Buffer.byteLength(JSON.stringify(update));
    apply(p, update).catch(() => undefined);
  });
  // A server that drops the socket on purpose is not reconnected to by socket.io itself.
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect')
      setTimeout(() => socket.connect(), 100 + Math.random() * reconnectMaxMs);
  });
  socket.on('connect', () => {
    socket.emit(
      'player:hello',
      { revision: p.revision, version: 'bench', canvas: { width: 1920, height: 1080 } },
      () => undefined,
    );
  });
  p.timer = setInterval(
    () =>
      socket.emit(
        'player:heartbeat',
        {
          revision: p.revision,
          item: null,
          uptimeS: Math.round(process.uptime()),
          version: 'bench',
          canvas: { width: 1920, height: 1080 },
          cache: { bytes: 0, items: p.datasets.size },
          errors: 0,
        },
        () => undefined,
      ),
    30_000 * (0.9 + Math.random() * 0.2),
  );
  return new Promise((resolve) => socket.once('connect', () => resolve(p)));
}

serve({
  /** Connects the given players, a slice at a time, and waits until each has its first manifest rendered. */
  connect: async (a: { url: string; tokens: string[]; reconnectMaxMs: number }) => {
    base = a.url;
    reconnectMaxMs = a.reconnectMaxMs;
    for (let i = 0; i < a.tokens.length; i += 100) {
      players.push(...(await Promise.all(a.tokens.slice(i, i + 100).map(open))));
    }
    const start = Date.now();
    while (players.some((p) => p.revision === 0) && Date.now() - start < 120_000) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return { connected: players.filter((p) => p.socket.connected).length, payloadBytes };
  },
  /** From now on, note when each player renders a newer revision ('next') or anything ('any'). */
  arm: (which: 'next' | 'any') => {
    for (const p of players) {
      p.renderedAt = null;
      p.armedFrom = which === 'any' ? -1 : p.revision;
    }
    return players.length;
  },
  progress: () => players.filter((p) => p.renderedAt !== null).length,
  collect: () => players.map((p) => p.renderedAt),
  connected: () => players.filter((p) => p.socket.connected).length,
  close: () => {
    for (const p of players) {
      clearInterval(p.timer);
      p.socket.close();
    }
    setTimeout(() => process.exit(0), 100);
    return true;
  },
});
process.send?.({ id: 0, result: 'started' });
