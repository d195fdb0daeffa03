import { afterEach, describe, expect, it, type Mock, vi } from 'vitest';
import { maybeSoftReload, type ReloadHost, softReloadDue } from './softReload.js';

const HOUR = 3_600_000;
/** 03:20 in Asia/Shanghai on 2026-11-27. */
const quiet = Date.UTC(2026, 10, 26, 19, 20);

describe('softReloadDue', () => {
  it('is due once a day in the quiet hour of the screen’s timezone', () => {
    expect(softReloadDue(quiet, 'Asia/Shanghai', null, 2 * HOUR)).toBe(true);
    expect(softReloadDue(quiet, 'Asia/Shanghai', '2026-11-27', 2 * HOUR)).toBe(false);
    expect(softReloadDue(quiet, 'Asia/Shanghai', '2026-11-26', 2 * HOUR)).toBe(true);
  });

  it('is not due outside the quiet hour, nor in the host’s 03:00 of another zone', () => {
    expect(softReloadDue(quiet + HOUR, 'Asia/Shanghai', null, 2 * HOUR)).toBe(false);
    expect(softReloadDue(quiet, 'Europe/Berlin', null, 2 * HOUR)).toBe(false);
  });

  it('follows the hour the server configures, and never reloads at -1', () => {
    expect(softReloadDue(quiet + HOUR, 'Asia/Shanghai', null, 2 * HOUR, 4)).toBe(true);
    expect(softReloadDue(quiet, 'Asia/Shanghai', null, 2 * HOUR, 4)).toBe(false);
    for (let h = 0; h < 24; h++)
      expect(softReloadDue(quiet + h * HOUR, 'Asia/Shanghai', null, 2 * HOUR, -1)).toBe(false);
  });

  it('leaves a page that started recently alone (no reload loop)', () => {
    expect(softReloadDue(quiet, 'Asia/Shanghai', null, 10 * 60_000)).toBe(false);
  });
});

const QUIET = quiet;

function fakeSync(): ReloadHost & { reportError: Mock; reload: Mock } {
  return {
    clock: { now: () => QUIET },
    base: '',
    reportError: vi.fn(),
    reload: vi.fn(),
  };
}

/** A page started two hours ago. */
const startedAt = () => performance.now() - 2 * 3_600_000;

afterEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
  Object.defineProperty(navigator, 'serviceWorker', { value: undefined, configurable: true });
});

describe('the daily soft reload', () => {
  it('is skipped and reported when no service worker holds the app shell', async () => {
    const s = fakeSync();
    await maybeSoftReload(s, 'Asia/Shanghai', startedAt(), () => undefined);
    expect(s.reload).not.toHaveBeenCalled();
    expect(s.reportError).toHaveBeenCalledWith('reload_skipped', expect.stringContaining('service worker'));
  });

  it('waits while the server does not answer /api/health, then reloads once it does', async () => {
    Object.defineProperty(navigator, 'serviceWorker', { value: { controller: {} }, configurable: true });
    const s = fakeSync();
    const flush = vi.fn();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('down', { status: 503 })),
    );
    await maybeSoftReload(s, 'Asia/Shanghai', startedAt(), flush);
    expect(s.reload).not.toHaveBeenCalled();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"status":"ok"}', { status: 200 })),
    );
    await maybeSoftReload(s, 'Asia/Shanghai', startedAt(), flush);
    expect(flush).toHaveBeenCalled();
    expect(s.reload).toHaveBeenCalledTimes(1);
    await maybeSoftReload(s, 'Asia/Shanghai', startedAt(), flush);
    expect(s.reload).toHaveBeenCalledTimes(1);
  });
});
