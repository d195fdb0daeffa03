import { useSyncExternalStore } from 'react';

// Hash routing (#/screens): the server serves one page at /admin/, so the path never changes.

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '');
  return path.startsWith('/') ? path : '/';
}

/** The current route path, e.g. '/screens'; '/' when there is none. */
export function useRoute(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

/** Goes to a route; replace avoids a history entry (used for redirects). */
export function navigate(path: string, replace = false): void {
  if (replace) {
    window.history.replaceState(null, '', `#${path}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    return;
  }
  window.location.hash = path;
}
