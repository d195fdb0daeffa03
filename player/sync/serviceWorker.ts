/** Must match player/sw.ts. */
const CONTENT_CACHE = 'hallcast-content-v1';

export type SwState = 'active' | 'insecure' | 'unsupported' | 'failed' | 'pending';

/**
 * Registers the service worker where the browser allows one: a secure context (https, localhost,
 * or an origin Chromium was told to treat as secure). On a plain-http LAN origin there is none and
 * the player relies on IndexedDB alone.
 */
export async function registerServiceWorker(): Promise<{ state: SwState; error?: string }> {
  if (typeof window === 'undefined' || !window.isSecureContext) return { state: 'insecure' };
  if (!('serviceWorker' in navigator)) return { state: 'unsupported' };
  try {
    await navigator.serviceWorker.register('/player/sw.js', { scope: '/player/' });
    return { state: navigator.serviceWorker.controller ? 'active' : 'pending' };
  } catch (err) {
    return { state: 'failed', error: (err as Error).message };
  }
}

/** Whether a service worker serves this page (its app shell survives a reload without the server). */
export function swControls(): boolean {
  return typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller);
}

/** Deletes cached media and datasets whose hash is not in `keep` (all of them without `keep`). */
export async function evictSwContent(keep?: Set<string>): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    const cache = await caches.open(CONTENT_CACHE);
    for (const req of await cache.keys()) {
      const hash = new URL(req.url).pathname.split('/').pop() ?? '';
      if (!keep?.has(hash)) await cache.delete(req);
    }
  } catch {
    // Cache Storage unavailable (insecure context): nothing to evict.
  }
}
