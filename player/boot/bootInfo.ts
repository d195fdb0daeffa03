import type { PlayerEngine } from '../../core/protocol/events.js';

/** What the page's boot script (player/boot/bootGuard.js) leaves on `window`. */
interface BootGlobal {
  floor: number;
  engine: PlayerEngine & { webview: boolean; ua: string };
  tooOld: boolean;
  started(): void;
}

const boot = (): BootGlobal | undefined =>
  typeof window === 'undefined'
    ? undefined
    : (window as Window & { __hallcastBoot?: BootGlobal }).__hallcastBoot;

/** The engine the boot script found; `other` with no version where it did not run (tests, dev tools). */
export function engineOfPage(): PlayerEngine {
  const e = boot()?.engine;
  return e
    ? { name: e.name, major: e.major, android: e.android }
    : { name: 'other', major: null, android: null };
}

/** Tells the boot script that the app runs, so it does not show its message. */
export function markStarted(): void {
  boot()?.started();
}

/**
 * Points the page's web app manifest at the screen's orientation: a portrait screen (its canvas
 * taller than wide, rotation not turning it) installs as portrait, the others as landscape.
 */
export function linkManifestFor(canvas: { width: number; height: number }, rotation = 0): void {
  const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
  if (!link) return;
  const turned = rotation === 90 || rotation === 270;
  const portrait = turned ? canvas.width > canvas.height : canvas.height > canvas.width;
  const href = link.dataset[portrait ? 'portrait' : 'landscape'];
  if (href && link.getAttribute('href') !== href) link.setAttribute('href', href);
}
