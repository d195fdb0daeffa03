// The player's service worker, served at /player/sw.js (scope /player/). Registered only in a
// secure context (https, or Chromium's --unsafely-treat-insecure-origin-as-secure). It keeps the
// app shell so that a reload without the server is not a blank page, and media and datasets by
// hash (content-addressed, so a cached copy is never stale). Self-contained but for the built-ins
// Chromium 69 lacks, which come first.
import './boot/builtins.js';

interface SwExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface SwFetchEvent extends SwExtendableEvent {
  request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface SwScope {
  addEventListener(type: 'install' | 'activate', fn: (e: SwExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: SwFetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const sw = self as unknown as SwScope;
const SHELL = 'hallcast-shell-v1';
/** Media and datasets by hash; the page deletes what its manifest no longer names. */
const CONTENT = 'hallcast-content-v1';
const SHELL_PAGE = '/player/';
const NAVIGATE_TIMEOUT_MS = 4000;

/** The page and the hashed assets it names (script, styles, preloads). */
async function cacheShell(): Promise<void> {
  const cache = await caches.open(SHELL);
  const res = await fetch(SHELL_PAGE, { cache: 'no-store' });
  if (!res.ok) return;
  const html = await res.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
  await cache.put(SHELL_PAGE, res);
  await Promise.all(
    assets.map(async (a) => {
      if (await cache.match(a)) return;
      const r = await fetch(a);
      if (r.ok) await cache.put(a, r);
    }),
  );
}

sw.addEventListener('install', (e) => {
  e.waitUntil(cacheShell().then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== SHELL && name !== CONTENT) await caches.delete(name);
      }
      await sw.clients.claim();
    })(),
  );
});

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** The page: from the network when it answers (and refresh the shell), else the cached shell. */
async function navigate(req: Request): Promise<Response> {
  const cached = () => caches.match(SHELL_PAGE, { cacheName: SHELL });
  try {
    const res = await withTimeout(fetch(req), NAVIGATE_TIMEOUT_MS);
    if (res.ok) {
      void cacheShell().catch(() => undefined);
      return res;
    }
    // A server that answers but cannot serve the page (being upgraded, not built): the shell.
    return (await cached()) ?? res;
  } catch (err) {
    const shell = await cached();
    if (shell) return shell;
    throw err;
  }
}

/** Immutable by name: the cache first, else the network (and keep a copy). */
async function cacheFirst(req: Request, cacheName: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(req.url);
  if (hit && !req.headers.has('range')) return hit;
  try {
    const res = await fetch(req);
    if (res.status === 200) await cache.put(req.url, res.clone());
    return res;
  } catch (err) {
    if (hit) return hit;
    throw err;
  }
}

sw.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== sw.location.origin) return;
  if (req.mode === 'navigate' && url.pathname.startsWith('/player')) {
    e.respondWith(navigate(req));
  } else if (url.pathname.startsWith('/assets/')) {
    e.respondWith(cacheFirst(req, SHELL));
  } else if (/^\/(media|datasets)\/[0-9a-f]{64}$/.test(url.pathname)) {
    e.respondWith(cacheFirst(req, CONTENT));
  }
});
