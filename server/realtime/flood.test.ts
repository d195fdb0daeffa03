import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PLAYER_EVENT_NAMES } from '../../core/protocol/events.js';
import { Client, startTestServer, type TestServer, until } from '../test/harness.js';
import { createScreens, SimPlayer } from '../test/realtimeKit.js';

let t: TestServer;
beforeAll(async () => {
  // Limits raised so that every event reaches its schema instead of the rate limiter.
  t = await startTestServer({ socketRateScale: 100_000 });
});
afterAll(async () => {
  await t.close();
});

/** A full garbage collection, so the heap figures compare live objects only. */
function collector(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

/** mulberry32: the same "random" events on every run. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  ...PLAYER_EVENT_NAMES,
  'error',
  'join',
  'manifest:updated',
  'toString',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'x'.repeat(300),
];

function value(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * (depth > 3 ? 7 : 10));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return r() * 1e12 - 5e11;
    case 2:
      return 'x'.repeat(Math.floor(r() * 2000));
    case 3:
      return r() < 0.5;
    case 4:
      return -1;
    case 5:
      return { revision: 'nope', item: 7, canvas: { width: -1, height: 'a' } };
    case 6:
      return JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}}');
    case 7:
      return Array.from({ length: Math.floor(r() * 5) }, () => value(r, depth + 1));
    case 8:
      return Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`k${i}`, value(r, depth + 1)]));
    default:
      return Array.from({ length: 600 }, () => ({ id: 'short', itemId: 1 }));
  }
}

it('10,000 random malformed events leave the server up (heap reported)', async () => {
  const screens = createScreens(t, 4, '畸形事件屏');
  const players = await Promise.all(screens.map((s) => new SimPlayer(t, s).connected()));
  const gc = collector();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const stats = t.hc.realtime.stats;
  const before = stats.malformed;
  const r = rng(20261127);
  let acked = 0;
  for (let i = 0; i < 10_000; i++) {
    const socket = players[i % players.length]!.socket as unknown as { emit: (...a: unknown[]) => void };
    const name = NAMES[Math.floor(r() * NAMES.length)]!;
    const args = [value(r)];
    if (r() < 0.5) args.push(() => acked++);
    socket.emit(name, ...args);
    if (i % 500 === 499) await new Promise((res) => setImmediate(res));
  }
  await until(() => stats.malformed - before >= 9_900, 30_000);
  // A few packets that are not even valid Socket.IO: the server drops that connection only.
  const rawPlayer = await new SimPlayer(t, screens[0]!).connected();
  const engine = (rawPlayer.socket.io as unknown as { engine: { write: (s: string) => void } }).engine;
  for (const packet of ['42["disconnect"]', '42[{"a":1}]', '4{', '42/player,["newListener"]'])
    engine.write(packet);
  await new Promise((res) => setTimeout(res, 300));

  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(
    `malformed flood: ${stats.malformed - before} refused (${stats.unknownEvents} unknown names), ${acked} acks answered; heap ${mb(heapBefore)} MB -> ${mb(heapAfter)} MB (after a full GC; test and server share this process)`,
  );
  expect(stats.malformed - before).toBeGreaterThanOrEqual(9_900);
  expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  expect((await new Client(t.url).request('GET', '/api/health')).status).toBe(200);
  const fresh = await new SimPlayer(t, screens[1]!).connected();
  await until(() => fresh.rendered > 0);
  const hello = await fresh.socket.timeout(2000).emitWithAck('player:hello', {
    revision: fresh.rendered,
    version: 't',
    canvas: { width: 1920, height: 1080 },
  });
  expect(hello.ok).toBe(true);
  expect(heapAfter - heapBefore).toBeLessThan(32 * 1024 * 1024);
  for (const p of [...players, rawPlayer, fresh]) p.close();
});
