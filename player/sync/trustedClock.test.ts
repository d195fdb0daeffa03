import { beforeEach, describe, expect, it } from 'vitest';
import { TrustedClock } from './trustedClock.js';

const YEAR = 365 * 86_400_000;
const T0 = Date.UTC(2026, 10, 27, 2, 0);

/** A device wall clock and a monotonic clock the test moves by hand. */
function fakeClocks(device = T0) {
  const c = { device, mono: 1000 };
  return {
    c,
    make: () =>
      new TrustedClock(
        () => c.device,
        () => c.mono,
      ),
    pass(ms: number) {
      c.device += ms;
      c.mono += ms;
    },
  };
}

beforeEach(() => localStorage.clear());

describe('TrustedClock', () => {
  it('never runs behind the last server time plus monotonic time when the device clock is set back', () => {
    const f = fakeClocks();
    const clock = f.make();
    clock.sync(T0 + 5000);
    f.pass(10_000);
    f.c.device -= 20 * YEAR;
    expect(clock.now()).toBe(T0 + 15_000);
    f.pass(1000);
    expect(clock.now()).toBe(T0 + 16_000);
  });

  it('once synced, ignores a jump of the device clock and counts monotonic time', () => {
    const f = fakeClocks(T0 - 20 * YEAR);
    const clock = f.make();
    clock.sync(T0);
    f.pass(1000);
    expect(clock.now()).toBe(T0 + 1000);
    f.c.device += 20 * YEAR;
    f.pass(1000);
    expect(clock.now()).toBe(T0 + 2000);
  });

  it('before any server answer takes a jump forward, and never goes back from it', () => {
    const f = fakeClocks();
    const clock = f.make();
    expect(clock.now()).toBe(T0);
    f.c.device += 2 * 86_400_000;
    expect(clock.now()).toBe(T0 + 2 * 86_400_000);
    f.c.device = Date.UTC(2001, 0, 1);
    f.pass(500);
    expect(clock.now()).toBe(T0 + 2 * 86_400_000 + 500);
  });

  it('after a restart with the device clock behind the persisted time is untrusted until the server answers', () => {
    const f = fakeClocks();
    const first = f.make();
    first.sync(T0);
    f.pass(60_000);
    first.persist();
    f.c.device = Date.UTC(2000, 0, 1);
    const second = f.make();
    expect(second.trusted).toBe(false);
    expect(second.now()).toBeGreaterThanOrEqual(T0 + 60_000);
    second.sync(T0 + 120_000);
    expect(second.trusted).toBe(true);
    expect(second.now()).toBe(T0 + 120_000);
  });

  it('is trusted at a restart when the device clock is at or past the persisted time', () => {
    const f = fakeClocks();
    f.make().sync(T0);
    f.pass(1000);
    expect(f.make().trusted).toBe(true);
  });

  it('adopts a later floor kept in IndexedDB (localStorage may not have reached the disk)', () => {
    const f = fakeClocks();
    const clock = f.make();
    clock.adoptPersisted(T0 + 3600_000);
    expect(clock.trusted).toBe(false);
    expect(clock.now()).toBe(T0 + 3600_000);
    clock.adoptPersisted(T0);
    expect(clock.now()).toBe(T0 + 3600_000);
  });
});
