import { describe, expect, it } from 'vitest';
import { RENDER_STALL_MS, SOCKET_STALL_MS, type StallState, stallOf } from './stallWatchdog.js';

const base: StallState = {
  lastFrameAt: 0,
  lastRenderAt: 0,
  downSince: null,
  uptimeMs: 10 * 60_000,
  visible: true,
};

describe('stallOf', () => {
  it('sees a render loop that stopped on a visible page', () => {
    const now = 10 * 60_000;
    const fresh = { ...base, lastFrameAt: now - 1000, lastRenderAt: now - 300 };
    expect(stallOf(now, fresh)).toBeNull();
    expect(stallOf(now, { ...fresh, lastFrameAt: now - RENDER_STALL_MS - 1 })).toBe('render');
    expect(stallOf(now, { ...fresh, lastRenderAt: now - RENDER_STALL_MS - 1 })).toBe('render');
    expect(stallOf(now, { ...fresh, lastFrameAt: now - RENDER_STALL_MS - 1, visible: false })).toBeNull();
  });

  it('sees a socket down past its window, and follows the manifest’s windows', () => {
    const now = 30 * 60_000;
    const live = { ...base, lastFrameAt: now, lastRenderAt: now, uptimeMs: now };
    expect(stallOf(now, { ...live, downSince: now - SOCKET_STALL_MS + 1000 })).toBeNull();
    expect(stallOf(now, { ...live, downSince: now - SOCKET_STALL_MS - 1 })).toBe('socket');
    expect(stallOf(now, { ...live, downSince: now - 5000 }, 1000, 4000)).toBe('socket');
  });

  it('leaves a young page alone (no reload loop after a slow start)', () => {
    expect(stallOf(100_000, { ...base, uptimeMs: 100_000 })).toBeNull();
    expect(stallOf(130_000, { ...base, uptimeMs: 130_000 })).toBe('render');
  });
});
