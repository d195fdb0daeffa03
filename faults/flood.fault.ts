/**
 * Socket floods on a child-process server: seeded malformed, oversized and wrong-typed events on
 * /player and /admin, connection floods with bad tokens and cookies, and raw garbage packets.
 * /api/health answers throughout (its worst latency printed), a good player is served
 * afterwards, and the server's RSS settles within a bound of where it started.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYER_EVENT_NAMES } from '../core/protocol/events.js';
import type { Client } from '../server/test/harness.js';
import { FaultPlayer, ServerProcess, sleep, waitFor } from './kit.js';
import { SOAK, seeded } from './seed.js';

const EVENTS = SOAK ? 200_000 : 20_000;
const BAD_CONNECTIONS = SOAK ? 5_000 : 600;
/** How far above its starting RSS the server may stay once the flood is over. */
const RSS_BOUND_MB = 96;
const rng = seeded('flood');

/** Names the client library lets through (reserved ones go as raw packets below). */
const NAMES = [
  ...PLAYER_EVENT_NAMES,
  'admin:subscribe',
  'error',
  'join',
  'manifest:updated',
  'session:ended',
  '__proto__',
  'constructor',
  'toString',
  'x'.repeat(500),
];

/** A seeded value of the wrong type, shape or size. */
function value(depth = 0): unknown {
  switch (rng.int(depth > 3 ? 8 : 12)) {
    case 0:
      return null;
    case 1:
      return rng.next() * 1e15 - 5e14;
    case 2:
      return 'x'.repeat(rng.int(4000));
    case 3:
      return rng.next() < 0.5;
    case 4:
      return { revision: -1, version: 7, canvas: { width: 'a', height: Number.MAX_SAFE_INTEGER } };
    case 5:
      return JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}}');
    case 6:
      return { id: 'p', itemId: 'i'.repeat(300), startedAt: 'yesterday', entries: [null, {}, 3] };
    case 7:
      return { code: 'e'.repeat(100), message: 'm'.repeat(20_000) };
    case 8:
      return Array.from({ length: rng.int(6) }, () => value(depth + 1));
    case 9:
      return Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`k${i}`, value(depth + 1)]));
    case 10:
      return Array.from({ length: 2000 }, (_, i) => ({ id: `p${i}`, itemId: i, kind: null }));
    default:
      return Buffer.alloc(rng.int(64 * 1024), rng.int(256));
  }
}

let server: ServerProcess;
let admin: Client;
const screens: { token: string; screenId: string }[] = [];

type Any = Socket & { emit: (...a: unknown[]) => Socket };
function open(ns: '/player' | '/admin', auth: { token?: string; cookie?: string }): Any {
  return connect(`${server.url}${ns}`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    ...(auth.token !== undefined ? { auth: { token: auth.token } } : {}),
    ...(auth.cookie ? { extraHeaders: { cookie: auth.cookie } } : {}),
  }) as Any;
}

/** Polls /api/health until stopped; answers the worst latency and any failure. */
function watchHealth() {
  let stop = false;
  let worst = 0;
  let samples = 0;
  const failures: string[] = [];
  const done = (async () => {
    while (!stop) {
      try {
        const h = await server.health(10_000);
        samples++;
        worst = Math.max(worst, h.ms);
        if (h.status !== 200) failures.push(`health ${h.status}`);
      } catch (e) {
        failures.push((e as Error).message);
      }
      await sleep(50);
    }
  })();
  return {
    async end() {
      stop = true;
      await done;
      return { worst: Math.round(worst), samples, failures };
    },
  };
}

beforeAll(async () => {
  server = await ServerProcess.start({ HALLCAST_SOCKET_RATE_SCALE: '1000' });
  admin = await server.login('sysadmin');
  for (let i = 0; i < 3; i++) screens.push(await server.pair(`洪泛屏${i + 1}`));
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('socket floods and malformed events', () => {
  it(
    `survives ${EVENTS} malformed events on /player and /admin and ${BAD_CONNECTIONS} bad connections`,
    async () => {
      // Warm up: a player served once, so the baseline RSS counts a working server.
      const warm = new FaultPlayer(server.url, screens[0]!);
      await waitFor('warm-up player rendered', () => warm.rendered > 0);
      warm.close();
      await sleep(500);
      const rssBefore = server.rssMb();
      const health = watchHealth();
      const t0 = Date.now();

      const sockets: Any[] = [
        ...screens.map((s) => open('/player', { token: s.token })),
        open('/admin', { cookie: admin.cookie }),
        open('/admin', { cookie: admin.cookie }),
      ];
      await waitFor('flood sockets connected', () => sockets.every((s) => s.connected));
      let sent = 0;
      let acks = 0;
      let oversized = 0;
      for (let i = 0; i < EVENTS; i++) {
        const s = sockets[rng.int(sockets.length)]!;
        const args: unknown[] = [value()];
        if (rng.next() < 0.3) args.push(value());
        if (rng.next() < 0.5) args.push(() => acks++);
        // Now and then a packet over the server's 1 MB limit: that socket is dropped and reconnects.
        if (rng.int(2000) === 0) {
          args.unshift('y'.repeat(1_100_000));
          oversized++;
        }
        if (!s.connected) await waitFor('a dropped flood socket reconnects', () => s.connected, 10_000);
        s.emit(NAMES[rng.int(NAMES.length)]!, ...args);
        sent++;
        if (i % 250 === 249) await sleep(5);
      }
      // Raw packets that are not valid Socket.IO at all: the server drops that connection only.
      const engine = (sockets[0]!.io as unknown as { engine: { write: (s: string) => void } }).engine;
      for (const packet of [
        '42["disconnect"]',
        '42[{"a":1}]',
        '4{',
        '42/player,["newListener"]',
        '2probe',
        '9',
      ])
        engine.write(packet);

      // Connection floods: unknown device tokens on /player, forged session cookies on /admin.
      let refused = 0;
      for (let i = 0; i < BAD_CONNECTIONS; i += 50) {
        const wave = Array.from({ length: Math.min(50, BAD_CONNECTIONS - i) }, (_, j) => {
          const bad =
            (i + j) % 2 === 0
              ? connect(`${server.url}/player`, {
                  transports: ['websocket'],
                  forceNew: true,
                  reconnection: false,
                  auth: { token: rng.next() < 0.5 ? 'f'.repeat(64) : value() },
                })
              : connect(`${server.url}/admin`, {
                  transports: ['websocket'],
                  forceNew: true,
                  reconnection: false,
                  extraHeaders: { cookie: `hc_session=${'a'.repeat(rng.int(100))}` },
                });
          return new Promise<void>((resolve) => {
            bad.on('connect_error', () => {
              refused++;
              bad.close();
              resolve();
            });
            bad.on('connect', () => {
              bad.close();
              resolve();
            });
          });
        });
        await Promise.all(wave);
      }
      for (const s of sockets) s.close();
      const floodS = Math.round((Date.now() - t0) / 100) / 10;
      const h = await health.end();

      // Afterwards: the server answers, serves a good player, and its memory settles.
      expect((await server.health()).status).toBe(200);
      const good = new FaultPlayer(server.url, screens[1]!);
      await waitFor('a good player served after the flood', () => good.rendered > 0);
      const hello = await good.socket.timeout(3000).emitWithAck('player:hello', {
        revision: good.rendered,
        version: 't',
        canvas: { width: 1920, height: 1080 },
      });
      expect(hello.ok).toBe(true);
      good.close();
      const peak = server.rssMb();
      let rssAfter = peak;
      await waitFor(
        `RSS back within ${RSS_BOUND_MB} MB of ${rssBefore} MB`,
        () => {
          rssAfter = server.rssMb();
          return rssAfter - rssBefore < RSS_BOUND_MB;
        },
        20_000,
      ).catch(() => undefined);
      console.log(
        `floods: seed ${rng.seed}, ${sent} malformed events sent (${oversized} over 1 MB, ${acks} acks answered) on /player and /admin, ` +
          `${refused}/${BAD_CONNECTIONS} bad connections refused, in ${floodS} s; /api/health ${h.samples} samples, worst ${h.worst} ms, ${h.failures.length} failures; ` +
          `RSS before ${rssBefore} MB, at end ${peak} MB, settled ${rssAfter} MB`,
      );
      expect(h.failures).toEqual([]);
      expect(refused).toBe(BAD_CONNECTIONS);
      expect(sent).toBe(EVENTS);
      expect(rssAfter - rssBefore).toBeLessThan(RSS_BOUND_MB);
    },
    SOAK ? 1_800_000 : 300_000,
  );
});
